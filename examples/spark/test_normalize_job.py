#!/usr/bin/env python3
"""Tests of normalize_job.py's partition planning, without Spark: `python3 examples/spark/test_normalize_job.py`.

Partitions are simulated as lists; the planned partitions must hold the input's lines in order, each (but the
first) starting at a line where onoma starts a new document whatever came before, and number their lines as the
whole input does.
"""
import json
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import normalize_job as job  # noqa: E402

FIELDS = ('text', 'mentions', 'doc', False)
NOT = job.NOT_A_DOCUMENT_LINE


def line(doc=None, text='Premier Li Ke-chiang spoke.', **more):
    record = {} if doc is None else {'doc': doc}
    record.update(text=text, **more)
    return json.dumps(record, ensure_ascii=False)


def planned(partitions, fields=FIELDS):
    """The partitions as the job pipes them, with the number of each one's first line."""
    summaries = [s for i, p in enumerate(partitions) for s in job.summary(i, iter(p), fields)]
    tails, first_lines = job.plan(summaries)
    return [(first_lines.get(i, 1), list(job.regroup(i, iter(p), fields, tails))) for i, p in enumerate(partitions)]


def onoma_documents(lines, fields=FIELDS):
    """For each line, the index of the line that started its document, as onoma reads them (None: not read as one)."""
    starts, key, start = [], NOT, None
    for i, l in enumerate(lines):
        k = job.line_key(l, fields)
        if k is NOT:
            starts.append(None)
            continue
        if k is None or key is NOT or not job.same_document(key, k):
            start = i
        key = k
        starts.append(start)
    return starts


class LineKeyTests(unittest.TestCase):
    def test_document_lines(self):
        self.assertEqual(job.line_key(line('a'), FIELDS), 'a')
        self.assertIsNone(job.line_key(line(), FIELDS))
        nested = job.line_key('{"doc": [1, {"x": "\u00e9"}], "text": ""}', FIELDS)
        self.assertEqual(nested, (1, job._Object([('x', 'e\u0301')])))  # strings in NFD, objects as members in order

    def test_lines_onoma_passes_through_or_refuses_are_not_document_lines(self):
        for bad in ['', '   ', 'not json', '[1]', '{"doc": "a"}', '{"doc": "a", "text": 5}',
                    '{"doc": "a", "text": "x", "text": "y"}', '{"doc": "a", "text": "x", "mentions": []}',
                    '{"doc": NaN, "text": "x"}', '{"doc": "a", "text": "\\ud800"}', '\ufeff' + line('a'),
                    '{"doc": ' + '[' * 600 + ']' * 600 + ', "text": "x"}']:
            self.assertIs(job.line_key(bad, FIELDS), NOT, bad)
        overwrite = ('text', 'mentions', 'doc', True)
        self.assertEqual(job.line_key('{"doc": "a", "text": "x", "mentions": []}', overwrite), 'a')

    def test_canonically_equivalent_values_are_one_document(self):
        composed, decomposed = line('\u00e9'), line('e\u0301')
        self.assertTrue(job.same_document(job.line_key(composed, FIELDS), job.line_key(decomposed, FIELDS)))

    def test_a_missing_document_field_is_never_the_same_document(self):
        self.assertFalse(job.same_document(None, None))


class PlanTests(unittest.TestCase):
    def check(self, partitions):
        lines = [l for p in partitions for l in p]
        plan = planned(partitions)
        self.assertEqual([l for _, p in plan for l in p], lines)
        documents = onoma_documents(lines)
        position = 0
        for first_line, p in plan:
            if p:
                self.assertEqual(first_line, position + 1)
                if position > 0:  # onoma starts a document at this line, whatever came before
                    self.assertEqual(documents[position], position)
            position += len(p)

    def test_documents_across_boundaries_move_to_their_start(self):
        a, b, c = [line('a')] * 3, [line('b')] * 3, [line('c')] * 2
        self.check([a[:2], a[2:] + b[:1], b[1:] + c])
        plan = planned([a[:2], a[2:] + b[:1], b[1:] + c])
        self.assertEqual([p for _, p in plan], [a, b, c])

    def test_a_document_longer_than_partitions(self):
        a, b = [line('a')] * 7, [line('b')]
        plan = planned([a[:2], a[2:4], a[4:6], a[6:] + b])
        self.assertEqual([p for _, p in plan], [a, [], [], b])
        self.check([a[:2], a[2:4], a[4:6], a[6:] + b])

    def test_bad_and_blank_lines_do_not_end_a_document(self):
        a, b = [line('a'), 'not json', '', line('a')], [line('b')]
        plan = planned([a[:2], a[2:] + b])
        self.assertEqual([p for _, p in plan], [a, b])

    def test_without_a_document_field_partitions_stay_as_they_are(self):
        parts = [[line('a')] * 2, [line('a')] * 3, []]
        self.assertEqual(planned(parts, None), [(1, parts[0]), (3, parts[1]), (6, [])])

    def test_random_partitions(self):
        rng = random.Random(7)
        for _ in range(300):
            lines = []
            for _ in range(rng.randint(0, 40)):
                r = rng.random()
                lines.append(line(rng.choice('abc')) if r < 0.7 else line() if r < 0.8 else
                             rng.choice(['', 'not json', '{"doc": "a"}']))
            cuts = sorted(rng.randint(0, len(lines)) for _ in range(rng.randint(0, 6)))
            self.check([lines[i:j] for i, j in zip([0] + cuts, cuts + [len(lines)])])


if __name__ == '__main__':
    unittest.main()
