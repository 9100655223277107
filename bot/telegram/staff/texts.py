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
QUEUE_HEAD = N_("Open cases ({count}), urgent first, then oldest:")
QUEUE_EMPTY = N_("No open cases.")
QUEUE_LINE = N_("{reference}: {priority}, {status}, received {time}")
QUEUE_LINE_HELD = N_("{reference}: {priority}, claimed by {label}, received {time}")
EARLIER = N_("◀ Earlier")
LATER = N_("Later ▶")
RELEASE = N_("Release")
CLOSE = N_("Close")
REOPEN = N_("Reopen")
CLOSE_WHY = N_("Why is {reference} closed?")
RELEASED = N_("{reference} is back in the queue.")
CLOSED_AS = N_("{reference} is closed: {reason}.")
REOPENED = N_("{reference} is open again.")
NOT_YOURS = N_("{reference} is claimed by someone else, or its state changed: nothing was done.")
NO_SUCH = N_("There is no case {reference}.")
CASE_USAGE = N_("Send /case and a case reference, for example /case ABCD-1234.")
REASONS = {
    "resolved": N_("resolved"),
    "referred": N_("referred elsewhere"),
    "out_of_scope": N_("outside what we do"),
    "duplicate": N_("a duplicate"),
    "no_contact": N_("no way to contact"),
    "withdrawn": N_("withdrawn by the supporter"),
}
SENT = N_("Sent to the supporter of {reference}.")
UNREACHABLE = N_(
    "{reference}: the supporter did not agree to be contacted, or the case is closed."
    " Nothing was sent."
)
NOT_DELIVERED = N_(
    "{reference}: Telegram did not deliver the message (the supporter may have blocked the bot)."
)
REPLY_USAGE = N_(
    "Send /reply, a case reference and your message, for example /reply ABCD-1234 Hello."
)
NOTED = N_("Note added to {reference}.")
NOTE_USAGE = N_(
    "Send /note, a case reference and your note, for example /note ABCD-1234 Called back."
)
CHOOSE_LANGUAGE = N_("Choose the language for alerts and cases.")
LANGUAGE_SET = N_("Alerts and cases will be shown in {language}.")
