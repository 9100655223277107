"""The Telegram channel's own texts (translated in locales/ like the engine's)."""

from __future__ import annotations

from bot.messages import N_

#: Clearing deletes the very message that holds the reference and the return code (shown
#: once), so the offer says so before the supporter loses the only way back to the case.
CLEAR_OFFER = N_(
    "If someone else may look at this phone, you can clear this conversation now. Clearing"
    " also deletes the case reference and the return code above: if you need them, first"
    " note them in a way no one else can see. Messages older than 48 hours cannot be"
    " removed by the bot: to remove everything, also delete the chat in Telegram (press and"
    " hold it in the chat list, then Delete)."
)
CLEAR_BUTTON = N_("Clear this conversation")
AFTER_SUBMIT = N_(
    "Send /withdraw to withdraw this case and erase what it holds. If you agreed to be"
    " contacted, the support team may write to you in this chat; your phone may show their"
    " messages on the lock screen."
)
CLEARED = N_("Cleared.")
PRIVATE_ONLY = N_("This bot works only in a private chat. Please write to it directly.")
APOLOGY = N_("Sorry, something went wrong on our side. Here is your current question again.")
#: Added to the first step on Telegram, where typed answers are deleted once stored.
TYPED_DELETED = N_(
    "In this chat, what you type disappears from the screen once it has been saved; the"
    " review before sending shows what was kept."
)
#: Shown once, with the reference, in the message that says the case was received.
RETURN_CODE = N_(
    "To reach this case again after clearing this chat, or from another device, send"
    " /reconnect {reference} {code} ({code} is your return code). Keep this code to"
    " yourself: it is shown only now."
)
RECONNECTED = N_(
    "This chat is connected to your case {reference} again: messages from the support team"
    " will arrive here, and /withdraw withdraws the case."
)
RECONNECT_REFUSED = N_(
    "That reference and return code do not match an open case. Check them and try again."
)
RECONNECT_THROTTLED = N_("Too many tries from this chat. Please try again in an hour.")
RECONNECT_USAGE = N_("Send /reconnect, your case reference and your return code.")
SLOW_DOWN = N_(
    "You are sending messages faster than I can read them, so some were not read. Please"
    " wait for my answer to each one."
)

#: /command -> its description in the command menu (setMyCommands, per language).
COMMANDS = {
    "start": N_("Start, or continue where you left off"),
    "back": N_("Go back to the previous question"),
    "language": N_("Change the language"),
    "restart": N_("Start again from the beginning"),
    "cancel": N_("Erase everything you entered and stop"),
    "withdraw": N_("Withdraw a case you sent, and erase what it holds"),
    "help": N_("Show the commands"),
}
#: The public profile, shown on any phone that has the chat and impossible for a
#: supporter to clear: it names no country, programme or people (the organisation can
#: set its own, ``INTAKE_BOT_DESCRIPTION``); the topic is said only inside the chat.
DESCRIPTION = N_(
    "An intake for a support organisation. A few short questions, answered mostly with"
    " buttons. We do not ask for names, exact places or phone numbers. Press Start to"
    " begin."
)
SHORT_DESCRIPTION = N_("An intake for families and the people who help them.")
