"""The participant's ranked wishes (up to five offers), written by them on their phone or recorded by the
counsellor in a meeting (E1)."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.catalogue.facts import holds_of, requirements_of
from kvp.catalogue.models import Offer
from kvp.matching.audit_types import WISHES
from kvp.matching.models import MAX_WISHES, Preference
from kvp.participants.access import ParticipantAccess, audit_access
from kvp.participants.models import Participant
from kvp.rules.matching import SOFT_KINDS  # levels are weighed in the fit score, not a bar
from kvp.rules.prerequisites import Prerequisite, met


def wishable_offers(participant: Participant) -> QuerySet[Offer]:
    """The office's current offers a participant can wish for."""
    today = timezone.localdate()
    return (
        Offer.objects.filter(provider__office_id=participant.office_id)
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=today))
        .select_related("provider")
        .order_by("title", "pk")
    )


def unmet_rules(offer: Offer, holds: frozenset[Prerequisite]) -> list[Prerequisite]:
    """The offer's hard prerequisites the participant does not meet (E5): they make the pair infeasible."""
    return sorted(need for need in requirements_of(offer) if need.kind not in SOFT_KINDS and not met(holds, need))


@transaction.atomic
def wishes_set(*, actor: User, access: ParticipantAccess, offer_ids: Sequence[str]) -> list[Preference]:
    """Replace the participant's wishes with `offer_ids` in order. Refused, and nothing changed, for more than
    five, a repeated or unknown offer, or an offer whose prerequisites the participant does not meet."""
    if not (access.is_self or access.can_write):
        raise ValidationError(_("Only the participant and their counsellor can change the wishes."), code="read_only")
    ids = [str(offer_id) for offer_id in offer_ids if str(offer_id).strip()]
    if len(ids) > MAX_WISHES:
        raise ValidationError(_("Choose at most five offers."), code="too_many")
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Each offer can be chosen only once."), code="repeated")
    participant = access.participant
    offers = {str(offer.pk): offer for offer in wishable_offers(participant).filter(pk__in=ids)}
    unknown = [offer_id for offer_id in ids if offer_id not in offers]
    if unknown:
        raise ValidationError(
            _("This offer is not in the office's current catalogue: %(id)s") % {"id": unknown[0]}, code="unknown"
        )
    holds = holds_of(participant)
    for offer_id in ids:
        missing = unmet_rules(offers[offer_id], holds)
        if missing:
            raise ValidationError(
                _("“%(offer)s” cannot be chosen yet: it requires %(needs)s.")
                % {"offer": offers[offer_id].title, "needs": ", ".join(need.render(_) for need in missing)},
                code="infeasible",
            )
    # Two saves at once replace the wishes one after the other, not both at once into a duplicate rank.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    Preference.objects.filter(participant=participant).delete()
    saved = [
        Preference.objects.create(participant=participant, offer=offers[offer_id], rank=rank, recorded_by=actor)
        for rank, offer_id in enumerate(ids, start=1)
    ]
    audit_access(actor, access, action=AuditEvent.Action.UPDATE, what=WISHES)
    return saved
