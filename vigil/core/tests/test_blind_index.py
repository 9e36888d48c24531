from hypothesis import given
from hypothesis import strategies as st

from vigil.core.blind_index import keyed_hash


@given(st.text(), st.text())
def test_equal_values_hash_equal_and_purposes_are_separated(a, b):
    assert keyed_hash("phone", a) == keyed_hash("phone", a)
    assert keyed_hash("phone", a) != keyed_hash("email", a)
    if a != b:
        assert keyed_hash("phone", a) != keyed_hash("phone", b)


def test_the_hash_does_not_contain_the_value():
    value = "+447700900123"
    assert value not in keyed_hash("phone", value)
    assert len(keyed_hash("phone", value)) == 64
