"""The engine's own texts (gettext message ids), named once.

Translated in ``locales/``; the engine returns them as ``Msg`` codes and channels render
them in the supporter's language.
"""

from __future__ import annotations

from bot.engine import inputs as i
from bot.messages import N_

HELP = N_(
    "Commands: before sending, /back goes to the previous question, /restart starts again,"
    " /cancel erases everything you entered and stops. After sending, /withdraw withdraws"
    " the case (/cancel only clears the messages from the screen; the case is not deleted),"
    " and /reconnect with your case reference and return code connects this chat to your"
    " case again after it was cleared. /language changes the language, /help shows this"
    " message."
)
ALREADY_SENT = N_(
    "Your intake was sent. Your case reference is {reference}. Send /start to begin a new one."
)
MEDIA = N_(
    "What you sent was deleted for your safety. I only handle text and buttons here."
    " Please do not send photos, voice messages, files, contacts or locations: they can"
    " identify people."
)
TOO_FEW = N_("Please choose at least {count}, then press Done.")
USE_BUTTONS = N_("Please answer with the buttons below, or type the number of an option.")
TOO_LONG = N_(
    "Your answer has {length} characters; the limit is {limit}. Please shorten it and"
    " send it again. Here is your text:"
)
TOO_SHORT = N_("Your answer is too short: please write at least {limit} characters.")
CHAT_ERASED = N_(
    "The messages of this conversation were cleared from the screen. The case you sent is"
    " with the staff and was not deleted. To withdraw it, send /reconnect with your case"
    " reference and return code, then /withdraw. Send /start to begin a new intake."
)
ERASED = N_("Everything you entered has been erased. Send /start to begin again.")
UNSUPPORTED = {
    i.EDITED: N_(
        "Edited messages are not read. Please send your corrected answer as a new message."
    ),
    i.FORWARDED: N_(
        "Forwarded messages are not accepted: they can identify other people. It was deleted."
    ),
    i.IDENTIFYING: N_(
        "For your safety the contact or location you sent was deleted: it can identify"
        " people. Please do not send such information."
    ),
}
STALE = N_("That button is from an earlier message. Here is the current question.")
WELCOME_BACK = N_("Welcome back. Here is where you left off.")
STARTING_AGAIN = N_("Starting again. Your earlier answers were erased.")
CHOOSE_ONE = N_("Please choose one of the options below.")
TOO_MANY = N_("Please choose at most {count}.")
NOT_SKIPPABLE = N_("This question cannot be skipped.")
PRESS_BUTTON = N_("Please press the button below to continue.")
FIRST_QUESTION = N_("You cannot go back any further.")
NOTHING_ERASED = N_("Nothing was erased.")
ERASE_QUESTION = N_("Erase everything you entered and stop?")
ERASE_YES = N_("Yes, erase everything")
ERASE_NO = N_("No, continue")
CHOOSE_LANGUAGE = N_("Choose your language.")
WITHDRAW_QUESTION = N_(
    "Withdraw your case {reference}? Staff will see that it was withdrawn, and everything"
    " you entered in it will be erased."
)
WITHDRAW_YES = N_("Yes, withdraw it")
WITHDRAW_NO = N_("No, keep it")
WITHDRAWN = N_(
    "Your case {reference} was withdrawn and everything it held was erased. Send /start to"
    " begin a new one."
)
KEPT = N_("Your case was kept.")
#: Shown in the middle of an intake: this chat holds no sent case (a new intake replaced
#: it, or the chat was cleared), yet one may have been sent from it. Reconnecting adopts
#: the case in place of the answers being entered, so the text says they are erased.
NOTHING_TO_WITHDRAW = N_(
    "No case is connected to this chat. To withdraw a case you sent, send /reconnect with"
    " its case reference and return code, then /withdraw (the answers you are entering now"
    " will be erased). To erase only what you are entering now, send /cancel."
)
