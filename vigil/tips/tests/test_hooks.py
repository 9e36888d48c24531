"""Apps named in VIGIL_TIP_HOOKS hear of every stored tip; a broken one loses nothing."""

from vigil.tips import actions
from vigil.tips.models import Channel, Tip

seen_tips = []


def remember(tip):
    seen_tips.append(tip.pk)


def explode(tip):
    raise RuntimeError("a hook that fails")


def test_hooks_run_after_the_tip_is_committed(
    hotline, settings, django_capture_on_commit_callbacks
):
    settings.VIGIL_TIP_HOOKS = [f"{__name__}.remember"]
    seen_tips.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tip, _code = actions.submit_tip({"narrative": "A girl sells roses."}, channel=Channel.WEB)
    assert seen_tips == [tip.pk]
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_reporter_message(tip, "She is there again tonight.")
    assert seen_tips == [tip.pk, tip.pk]


def test_a_failing_hook_is_logged_and_the_tip_is_kept(
    hotline, settings, django_capture_on_commit_callbacks, caplog
):
    settings.VIGIL_TIP_HOOKS = [f"{__name__}.explode", f"{__name__}.remember"]
    seen_tips.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tip, _code = actions.submit_tip(
            {"narrative": "A boy begs at the lights."}, channel=Channel.WEB
        )
    assert Tip.objects.filter(pk=tip.pk).exists()
    assert seen_tips == [tip.pk]
    assert "tip hook" in caplog.text and "A boy begs" not in caplog.text
