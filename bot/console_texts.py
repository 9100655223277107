"""The terminal chat's own texts, and its wording for the engine's notices.

The engine says "press the button below" because most supporters are on Telegram; the
terminal has numbered lines instead, so it shows its own text for those notices (the
``WORDING`` table) and leaves every other notice as the engine wrote it. Translated in
``locales/`` like every text of the bot.
"""

from __future__ import annotations

from bot.engine import texts as t
from bot.messages import N_

#: Says what each command does before and after sending: once a case is sent, /back has
#: nothing to go back to and /cancel no longer erases the case (only /withdraw does).
HELP = N_(
    "Type the number of an option, or the first words of it. Before sending: /back goes to"
    " the previous question, /restart starts again, /cancel erases everything you entered"
    " and stops. After sending: /withdraw withdraws your case; /cancel does not erase it."
    " At any time: /language changes the language (/lang ja, /lang ko or /lang zh at once),"
    " /help shows this message. Ctrl+D leaves; your answers are kept for when you come back."
)
#: /cancel after sending, in the terminal: nothing is cleared from a terminal, and the
#: case stays with staff (the engine's own words speak of clearing a phone's chat).
CASE_STAYS = N_(
    "The case you sent stays with the support team: /cancel does not erase it. Send /start"
    " to begin a new one."
)
TYPE_A_NUMBER = N_("Please type the number of an option, or the first words of it.")
TOO_FEW = N_("Please choose at least {count}, then choose Done.")
STALE = N_("That answer was for an earlier question. Here is the current question.")
#: An answer that designates no option; ``typed`` is cut short if long.
NOT_AN_OPTION = N_("“{typed}” is not one of the options.")
TYPE_IN_RANGE = N_("Type a number from 1 to {count}, or the first words of an option.")
#: Followed by the options that match, one per line, with their numbers.
AMBIGUOUS = N_("“{typed}” matches more than one option. Type the number of the one you mean:")
#: After a toggle in a multi-choice question, instead of the whole menu again.
CHOSEN = N_(
    "Chosen so far: {choices}. Type another number to add or remove one, or {done} to finish."
)
NOTHING_CHOSEN = N_("Nothing chosen yet. Type the number of an option, or {done} to finish.")
#: /restart erases every answer, so the terminal asks first (the answer "no" is the
#: engine's own ``ERASE_NO``, "No, continue").
RESTART_QUESTION = N_("Start again from the beginning? Your answers so far will be erased.")
RESTART_YES = N_("Yes, start again")
#: When the supporter leaves (Ctrl+D) in the middle of an intake.
KEPT_FOR_LATER = N_(
    "Stopped. Your answers are kept: start the chat again to continue where you left off,"
    " or to erase them with /cancel."
)

#: Engine notices whose wording speaks of buttons, and what the terminal says instead.
WORDING: dict[str, str] = {
    t.HELP: HELP,
    t.USE_BUTTONS: TYPE_A_NUMBER,
    t.PRESS_BUTTON: TYPE_A_NUMBER,
    t.CHOOSE_ONE: TYPE_A_NUMBER,
    t.TOO_FEW: TOO_FEW,
    t.STALE: STALE,
    t.CHAT_ERASED: CASE_STAYS,
}
