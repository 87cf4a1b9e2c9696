"""What the motivation app announces to the apps above it, which it must not import."""

from django.dispatch import Signal

# Sent inside the transaction when a participant has answered a check-in; argument: participant_id.
# The follow-up overview refreshes that participant's stored motivation alerts.
checkin_answered = Signal()
