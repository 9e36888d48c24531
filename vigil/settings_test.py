"""Settings for the test suite: the real ones, with an in-process cache and plain HTTP."""

from vigil.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
VIGIL_SMS_BACKEND = "vigil.tips.sms_backends.MemoryBackend"
VIGIL_SMS_AUTH_TOKEN = "test-sms-token"  # noqa: S105
# High enough that ordinary tests never meet it; rate-limit tests lower it.
VIGIL_RATE_LIMIT = 10_000
