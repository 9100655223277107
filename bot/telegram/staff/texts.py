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

# --- admins: flows on Telegram ---------------------------------------------------------

ADMIN_ONLY = N_("Only admins can change the questions.")
UPLOAD_TOO_BIG = N_("{file}: the file has {size} bytes; the limit is {limit}. Nothing was kept.")
UPLOAD_UNREADABLE = N_("{file}: Telegram did not hand over the file. Send it again.")
PROBLEMS_HEAD = N_("{file}: {count} problem(s). Nothing was kept; the draft is unchanged.")
PROBLEM_WHERE = N_("line {line}")
PROBLEM_FIX = N_("Fix: {fix}")
MORE_PROBLEMS = N_("…and {count} more. Fix these and send the file again to see the rest.")
DRAFT_STORED = N_(
    "{file} is now the draft of {flow} (version {version}). Changes against the published version:"
)
DRAFT_FIRST = N_(
    "{file} is now the draft of {flow} (version {version}), a flow not yet published."
)
DRAFT_NEXT = N_("Try it with /try, publish it with /publish.")
PICTURE = N_("{flow} version {version}: the steps and where each answer leads.")
NO_PICTURE = N_("The picture of the steps could not be drawn ({reason}).")
NO_DRAFT = N_("There is no draft of {flow}. Send a flow file (.yaml) first.")
NO_FLOW = N_("There is no flow {flow}.")
PUBLISH_ASK = N_(
    "Publish the draft of {flow} as version {version} (uploaded by {label}, {time})? New"
    " intakes will use it at once; intakes already running finish on the version they"
    " started on."
)
PUBLISH = N_("Publish")
ROLLBACK_ASK = N_(
    "Roll {flow} back? Version {newest} is replaced by the content of version {previous},"
    " published as version {next}. Intakes already running finish on their version."
)
ROLLBACK = N_("Roll back")
KEEP = N_("Cancel")
KEPT = N_("Nothing was changed.")
PUBLISHED = N_("{flow} version {version} is published: new intakes use it now.")
ROLLED_BACK = N_("{flow} is rolled back: version {version} has the content of version {previous}.")
PUBLISH_REFUSED = N_("Nothing was published: {reason}")
DRAFT_OUTDATED = N_(
    "That draft was published or replaced since this question: nothing was done. Send"
    " /publish again."
)
NO_EARLIER = N_("{flow} has no earlier version to roll back to.")
VERSIONS_HEAD = N_("Published versions of {flow} (newest first):")
VERSION_LINE = N_("version {version}: {time}, by {label}")
VERSION_LIVE = N_("version {version}: {time}, by {label} (new intakes use it)")
DRAFT_LINE = N_("Draft: version {version}, uploaded {time} by {label}.")
NOBODY = N_("not recorded")
FLOW_FILE = N_("{flow} version {version}, as published. Edit it and send it back as a draft.")
DRAFT_FILE = N_("The draft of {flow} (version {version}). Edit it and send it back.")
PO_USAGE = N_("Send /po and a language code, for example /po ko. Languages of {flow}: {locales}.")
PO_FILE = N_(
    "The {language} texts of {flow}, for a translator (Poedit, Weblate). Send the"
    " translated file back to apply it to the draft."
)
PO_UNREADABLE = N_(
    "{file} could not be read as a translation (PO) file. Send the file as Poedit or"
    " Weblate saved it."
)
PO_LANGUAGE = N_(
    "{file} is a translation into {language}, which {flow} does not have. Its languages:"
    " {locales}."
)
FLOW_NOT_SERVED = N_(
    "{file} is the flow {flow}, but this bot serves {served}: nothing was kept. Set `id:"
    " {served}` in the file to make it a draft of {served}."
)
NOT_ABOVE = N_(
    "Nothing was published: the version is not above the published version {newest} of"
    " {flow}. Raise `version` in the file and send it again."
)
MOVED_ON = N_(
    "{flow} changed since this question (another admin published or rolled back):"
    " nothing was done. Look at /flows and ask again."
)
PO_APPLIED = N_("{file}: {count} {language} text(s) applied; the draft is version {version}.")
TRY_STARTED = N_(
    "Trying the draft of {flow} (version {version}) as a supporter would see it. Nothing"
    " reaches staff and no case is stored. /try stop ends the trial."
)
TRY_STOPPED = N_("The trial has ended.")
TRY_NONE = N_("No trial is running.")
TRY_GONE = N_(
    "The draft changed or was published, so the trial has ended. Send /try to start again."
)
TRY_RESULT = N_(
    "End of the trial. No case was stored and nobody was alerted; staff would have seen this:"
)
TRY_AGAIN = N_("/try starts again, /try stop leaves the trial.")
