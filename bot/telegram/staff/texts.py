"""The staff side's own texts (translated in locales/ like every other)."""

from __future__ import annotations

from bot.messages import N_

WELCOME = N_(
    "You are now on the staff of this intake as {label} ({role}). New cases will be"
    " announced here with their reference and priority only; open a case to read it."
)
ALERT = N_("New case {reference}: {priority}, received {time}.")
DIGEST = N_("New cases since the last summary ({count}):")
DIGEST_LINE = N_("{reference}: {priority}, received {time}")
OPEN = N_("Open {reference}")
CLAIM = N_("Claim")
CLAIMED = N_("{reference} is yours now.")
TAKEN = N_("{reference} is already claimed or closed.")
GONE = N_("{reference} no longer exists (closed and purged, or withdrawn).")
CASE_HEAD = N_("Case {reference}: {priority}, {status}. Received {time}.")
CLAIMED_BY = N_("Claimed by {label}.")
CONTACT_YES = N_("The supporter agreed to be contacted through the bot.")
CONTACT_NO = N_("The supporter did not agree to be contacted.")
REMOVED = N_("Removed from the free text before storing: {kinds}.")
SKIPPED = N_("(not answered)")
PRIORITIES = {"urgent": N_("urgent"), "high": N_("high"), "normal": N_("normal")}
STATUSES = {"new": N_("new"), "claimed": N_("claimed"), "closed": N_("closed")}
