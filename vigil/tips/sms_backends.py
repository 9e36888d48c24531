"""Outbound SMS: the gateway is a setting (VIGIL_SMS_BACKEND), like mail backends.

A deployment plugs in its own gateway by subclassing SmsBackend; the two here
print (development) and remember (tests).
"""

import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class OutboundSms:
    to: str
    body: str


# What MemoryBackend sent, oldest first; tests empty it.
outbox: list[OutboundSms] = []


def masked(number: str) -> str:
    """Enough to tell two numbers apart on a console, never enough to call one."""
    return "•" * 6 + number[-2:]


class SmsBackend:
    def send(self, to: str, body: str) -> None:
        raise NotImplementedError


class ConsoleBackend(SmsBackend):
    """Prints to stdout, not the log: a reporter's number must never reach log files."""

    def send(self, to: str, body: str) -> None:
        sys.stdout.write(f"SMS to {masked(to)}: {body}\n")
        sys.stdout.flush()


class MemoryBackend(SmsBackend):
    def send(self, to: str, body: str) -> None:
        outbox.append(OutboundSms(to=to, body=body))


def get_backend() -> SmsBackend:
    return import_string(settings.VIGIL_SMS_BACKEND)()
