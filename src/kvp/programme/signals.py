"""What the programme announces to the apps above it, which it must not import."""

from django.dispatch import Signal

# Sent inside the case transition's transaction when a case ends with a reason that calls for follow-up
# after the programme; arguments: case, actor, ended_on. The follow-up app books the after-care meetings.
case_ended_for_aftercare = Signal()
