"""Which decisions need ratification, as a pure function (no database, no clock).

Arrangements s.8 (seed 001): "The three Statutory Safeguarding Partner
representatives must be part of any key actions and decision-making." So a key
decision taken while a statutory partner was not represented needs ratifying
at a later quorate meeting of the group; any other decision taken inquorate is
recorded as such (flagged in the minutes) but needs no ratification.
Ratification at a later quorate meeting is the product's own way of meeting
s.8: the seeds do not say how a key decision taken inquorate is put right.
"""


def needs_ratification(*, key_decision: bool, quorate: bool) -> bool:
    return key_decision and not quorate
