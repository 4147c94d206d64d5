"""A person's description of the browser behind a session ("Chrome on Linux")."""

from ua_parser import parse


def device_label(user_agent: str) -> str:
    if not user_agent:
        return "Unknown device"
    result = parse(user_agent[:300])
    browser = result.user_agent.family if result.user_agent else ""
    system = result.os.family if result.os else ""
    browser = "" if browser == "Other" else browser
    system = "" if system == "Other" else system
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or "Unknown device"
