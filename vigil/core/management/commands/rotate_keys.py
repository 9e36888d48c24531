"""`vigil rotate_keys`: encrypt every protected field under a new data key."""

from django.core.management.base import BaseCommand, CommandError

from vigil.core import keys


class Command(BaseCommand):
    help = (
        "Generate a new data key, re-encrypt every encrypted field under it, then remove the "
        "old keys from the secrets file. Stop the web and worker processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reencrypt-only",
            action="store_true",
            help="Re-encrypt under the current first key of VIGIL_DATA_KEYS without touching "
            "any file (for keys set in the environment).",
        )
        parser.add_argument("--batch-size", type=int, default=keys.BATCH_SIZE)

    def handle(self, *args, reencrypt_only: bool, batch_size: int, **options):
        try:
            if reencrypt_only:
                rotation = keys.reencrypt_only(batch_size)
            else:
                rotation = keys.rotate(batch_size)
        except keys.KeysFromEnvironment as exc:
            raise CommandError(str(exc)) from exc
        except keys.RotationFailed as exc:
            raise CommandError(
                f"Rotation stopped: cannot decrypt {exc}. That model was left unchanged and "
                "every old key is still in the keyring, so all values remain readable. Find "
                "the key that value needs, add it to the keyring, and run the command again."
            ) from exc

        for label, count in rotation.counts.items():
            self.stdout.write(f"  {label}: {count} rows re-encrypted")
        self.stdout.write(f"{rotation.total} rows re-encrypted under key {rotation.key_id}.")
        if rotation.leftover:
            detail = ", ".join(f"{label}: {n}" for label, n in rotation.leftover.items())
            raise CommandError(
                f"Some values are still under an older key ({detail}); was a web process "
                "still writing? The old keys were kept. Stop every process and run again."
            )
        if rotation.removed:
            self.stdout.write(
                f"Removed old keys {', '.join(rotation.removed)} from the secrets file."
            )
        elif reencrypt_only:
            self.stdout.write(
                "Every value is under the first key; you may now remove the other keys from "
                "VIGIL_DATA_KEYS."
            )
        self.stdout.write(
            self.style.SUCCESS("Done. Restart the web and worker processes to load the keyring.")
        )
