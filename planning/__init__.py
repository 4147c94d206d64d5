"""The business plan, the risk register, escalations and scrutiny: built by a later issue."""
