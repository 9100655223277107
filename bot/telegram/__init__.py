"""The Telegram channel: PTB handlers that feed supporters' updates into the intake.

Intake state lives in the database, not in PTB (no ConversationHandler, no persistence):
PTB reads saved conversation state only at start-up, so replicas would disagree.
"""
