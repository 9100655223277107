"""The staff side of the Telegram channel: joining, alerts, opening and claiming cases.

Kept apart from the supporter side (neither imports the other, as SecureDrop keeps its
source and journalist apps apart): an update is the staff's only when it comes from a
member, or is a ``/join`` with a valid code; everything else falls through to the
supporter side, which answers it as it would anyone.
"""
