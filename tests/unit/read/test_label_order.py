"""The labels of a sentence, so the events of a snippet, come in one order whatever the hash seed
(two types referred back to at once were ordered by a set). Invented sentences."""

import os
import subprocess
import sys

_CODE = (
    "from streams.core.read.classify import classify_sentences as c\n"
    "a = 'The government on Friday released 15 detainees and delivered food aid to the camps.'\n"
    "b = 'They were handed to the Red Cross at the police post and taken home by minibus.'\n"
    "print([l.type for l in c([a, b], [False, False])[1]])\n"
)


def _labels_with_seed(seed: int) -> str:
    # Each seed needs its own interpreter: the hash seed is fixed when one starts.
    return subprocess.run(
        [sys.executable, "-c", _CODE],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
    ).stdout


def test_labels_that_refer_back_come_in_the_registry_order_whatever_the_hash_seed() -> None:
    assert {_labels_with_seed(seed) for seed in (0, 1, 2, 3, 7)} == {
        "['prisoner_exchange', 'aid']\n"
    }
