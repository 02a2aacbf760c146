#!/usr/bin/env python3
"""Runs `onoma normalize --input-format jsonl` over a JSONL input with Spark: each partition of the input is piped
through one onoma process on an executor, and the output is written as JSONL part files in the input's order.

    spark-submit examples/spark/normalize_job.py --onoma .build-static/onoma [options] INPUT OUTPUT

INPUT is a JSONL file or folder, a local path or any URI Hadoop reads (hdfs://, s3a://, a glob, .gz); OUTPUT is a
folder (it must not exist) of part files, part-00000, part-00001, ..., whose concatenation in name order is byte for
byte what one `onoma normalize --input-format jsonl` with the same options writes for the input (the files of a
folder or glob concatenated in the order Hadoop lists them). Two differences stay: every output line ends in LF
(Hadoop's reader takes CRLF and CR as line ends too, and drops them), and bytes that are not UTF-8 become U+FFFD
where onoma would refuse the input.

The binary (--onoma, the static one from Scripts/build-static.sh: it needs nothing on the executors but glibc),
and every --gazetteer and --stoplist, are shipped to the executors with SparkContext.addFile, so they may be paths
on the driver or Hadoop URIs. The executors' own user gazetteer and stoplist are never read (XDG_DATA_HOME points
at an empty folder), so every executor sees the same names: ship yours with --gazetteer and --stoplist.

Documents. Without --doc-field every line is a document of its own, so any split of the input gives the same
output. With --doc-field, onoma carries context from line to line while the field keeps its value, so the job moves
the lines of the partition boundaries' documents to the partition where the document starts: a partition's first
line is always one at which onoma starts a new document whatever came before (see `split_at_start`). No shuffle:
the order of the lines is the order of the partitions and of the lines in each. Each onoma numbers its lines as the
whole input does (--first-line), so the "error" members of --skip-invalid and the messages name the input's lines.

Failures. A non-zero exit of onoma fails the task with onoma's message (and the line it names); Spark retries it
(spark.task.maxFailures) and then fails the job, and this script exits 1. With --skip-invalid, bad lines pass
through with an "error" member and their count is printed at the end.
"""
import argparse
import itertools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unicodedata

# onoma's JSON reader refuses deeper nesting (JSONParser: depth < 512); a line nested deeper is not a document start.
MAX_DEPTH = 500


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('input', help='JSONL input: a path or Hadoop URI (file, folder or glob)')
    p.add_argument('output', help='output folder of JSONL part files (must not exist)')
    p.add_argument('--onoma', required=True,
                   help='the onoma binary to ship (a path on the driver or a Hadoop URI), or the name of one '
                        'already shipped with spark-submit --files')
    p.add_argument('--partitions', type=int, default=None,
                   help='at least this many input partitions (sc.textFile minPartitions); each runs one onoma')
    g = p.add_argument_group('passed to onoma normalize')
    g.add_argument('--gazetteer', action='append', default=[], metavar='PATH', help='shipped; repeatable')
    g.add_argument('--stoplist', action='append', default=[], metavar='PATH', help='shipped; repeatable')
    g.add_argument('--no-default-gazetteer', action='store_true')
    g.add_argument('--text-field', default='text')
    g.add_argument('--mentions-field', default='mentions')
    g.add_argument('--doc-field')
    g.add_argument('--overwrite-mentions', action='store_true')
    g.add_argument('--skip-invalid', action='store_true')
    g.add_argument('--mode', choices=['replace', 'annotate'])
    g.add_argument('--canonical', action='store_true')
    g.add_argument('--min-confidence')
    return p.parse_args(argv)


def onoma_options(args, shipped):
    """The normalize options, with each shipped file named by `shipped(path)` (its path on the executor)."""
    opts = ['--input-format', 'jsonl', '--text-field', args.text_field, '--mentions-field', args.mentions_field]
    for path in args.gazetteer:
        opts += ['--gazetteer', shipped(path)]
    for path in args.stoplist:
        opts += ['--stoplist', shipped(path)]
    if args.doc_field is not None:
        opts += ['--doc-field', args.doc_field]
    if args.mode:
        opts += ['--mode', args.mode]
    if args.min_confidence is not None:
        opts += ['--min-confidence', args.min_confidence]
    for flag in ('no_default_gazetteer', 'overwrite_mentions', 'skip_invalid', 'canonical'):
        if getattr(args, flag):
            opts.append('--' + flag.replace('_', '-'))
    return opts


# --- Where a document starts ---------------------------------------------------------------------------------------
#
# onoma (JSONLNormalizer.normalizeLine) reads a line in this order: a blank line passes through; a line that is not
# a JSON object, has the text member missing, twice or not a string, or has the mentions member (without
# --overwrite-mentions, or twice) is an error, passed through with --skip-invalid -- and neither touches the document.
# Any other line takes the document field's value (compared as Swift strings of its serialized JSON, so canonically
# equivalent text is equal) and starts a new document when the value is missing or differs from the last such line's.
#
# A partition may start only at a line that certainly starts a document, so `line_key` must never call a line valid
# that onoma refuses, and `same_document` never call two values different that onoma calls equal. The other way round
# costs nothing: a boundary that is not used, a document that stays with its neighbour.

class _Object(tuple):
    """A JSON object as its members in order (onoma compares serializations, which keep the order)."""


class _Refused(Exception):
    pass


def _refuse_constant(name):
    raise _Refused(name)  # NaN, Infinity: Python reads them, onoma does not


def _canonical(value, depth=0):
    """The value with every string in NFD (Swift's String == is canonical equivalence), refused where onoma would."""
    if depth >= MAX_DEPTH:
        raise _Refused('nesting')
    if isinstance(value, str):
        value.encode('utf-8')  # an unpaired surrogate escape: onoma refuses the line
        return unicodedata.normalize('NFD', value)
    if isinstance(value, _Object):
        return _Object((_canonical(k, depth + 1), _canonical(v, depth + 1)) for k, v in value)
    if isinstance(value, list):
        return tuple(_canonical(v, depth + 1) for v in value)
    return value


NOT_A_DOCUMENT_LINE = object()


def line_key(line, fields):
    """The document field's value of a line onoma reads as part of a document (None when the line has no such field),
    or NOT_A_DOCUMENT_LINE for a line onoma passes through or refuses, or might."""
    text_field, mentions_field, doc_field, overwrite = fields
    try:
        value = json.loads(line, object_pairs_hook=_Object, parse_constant=_refuse_constant)
        if not isinstance(value, _Object):
            return NOT_A_DOCUMENT_LINE
        members = _canonical(value)
    except (ValueError, RecursionError, UnicodeEncodeError, _Refused):
        return NOT_A_DOCUMENT_LINE
    texts = [v for k, v in members if k == text_field]
    if len(texts) != 1 or not isinstance(texts[0], str):
        return NOT_A_DOCUMENT_LINE
    mentions = sum(1 for k, _ in members if k == mentions_field)
    if mentions > 1 or (mentions == 1 and not overwrite):
        return NOT_A_DOCUMENT_LINE
    return next((v for k, v in members if k == doc_field), None)


def same_document(a, b):
    # Python's == is coarser than onoma's (1 == 1.0 == true), never finer: at worst a boundary is not used.
    return a is not None and b is not None and a == b


def document_fields(args):
    """The member names `line_key` compares (in NFD, as the members' names are) and --overwrite-mentions."""
    names = (unicodedata.normalize('NFD', n) for n in (args.text_field, args.mentions_field, args.doc_field))
    return (*names, args.overwrite_mentions)


def split_at_start(iterator, fields):
    """The lines before the first that starts a document whatever came before it, and an iterator from that line on
    (None if there is none). The first document line itself cannot be known to start one: the document before it
    may go on from the partition before."""
    head, previous = [], NOT_A_DOCUMENT_LINE
    for line in iterator:
        key = line_key(line, fields)
        if key is not NOT_A_DOCUMENT_LINE:
            if key is None or (previous is not NOT_A_DOCUMENT_LINE and not same_document(previous, key)):
                return head, itertools.chain([line], iterator)
            previous = key
        head.append(line)
    return head, None


def summary(index, iterator, fields):
    """Partition `index`'s line count, its lines before its first document start (none without --doc-field), and
    whether it has one."""
    head, rest = ([], iterator) if fields is None else split_at_start(iterator, fields)
    count = len(head) + (sum(1 for _ in rest) if rest is not None else 0)
    yield index, count, head, rest is not None


def plan(summaries):
    """What each partition that keeps lines appends (the lines of the partitions after it that continue its last
    document: their heads, up to and including the first partition that has a document start; one without is all
    head), and the number of its first line in the whole input (for onoma's --first-line)."""
    summaries = sorted(summaries)
    tails, first_lines, offset = {}, {}, 1
    for p, count, head, has_start in summaries:
        if p == 0 or has_start:
            first_lines[p] = offset + (len(head) if p > 0 else 0)
            tails[p] = []
            for _, _, later_head, later_has_start in summaries[p + 1:]:
                tails[p] += later_head
                if later_has_start:
                    break
        offset += count
    return tails, first_lines


def regroup(index, iterator, fields, tails):
    """Partition `index` as the job pipes it: from its first document start (the first partition: from its first
    line) to its end, then the lines after it that continue its last document. A partition without a document
    start keeps nothing: all of it continues a document of an earlier one. Without --doc-field (`fields` None)
    every partition stays as it is."""
    rest = iterator if index == 0 or fields is None else split_at_start(iterator, fields)[1]
    if rest is None:
        return
    yield from rest
    yield from tails[index]


# --- Running onoma on an executor ----------------------------------------------------------------------------------

class OnomaFailure(RuntimeError):
    pass


def executable(name):
    """The shipped binary's path on this executor, made executable if the copy is not."""
    from pyspark import SparkFiles
    path = SparkFiles.get(name)
    if not os.path.exists(path) and os.path.exists(name):
        path = os.path.abspath(name)  # shipped with --files on YARN: in the container's working folder
    if not os.path.exists(path):
        raise OnomaFailure(f'no onoma binary {name!r} on this executor: give --onoma a path on the driver or a '
                           'Hadoop URI, or ship it with spark-submit --files')
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(prefix='onoma-bin-'), os.path.basename(path))
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


SKIPPED = re.compile(r'^onoma: (\d+) lines? could not be normalized', re.M)
LINE = re.compile(r'\bline (\d+)\b')


def run_onoma(index, lines, binary, options, first_line, skipped):
    """Pipes one partition's lines through one onoma process and yields its output lines."""
    if not lines:
        return
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    with tempfile.TemporaryDirectory(prefix='onoma-xdg-') as empty:
        env = dict(os.environ, XDG_DATA_HOME=empty)  # no executor's user gazetteer or stoplist
        proc = subprocess.run([executable(binary), 'normalize', '--first-line', str(first_line)] + options,
                              input=data, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = proc.stderr.decode('utf-8', 'replace')
    if proc.returncode != 0:
        how = f'exited with status {proc.returncode}' if proc.returncode > 0 \
            else f'was killed by signal {-proc.returncode}'
        said = '; '.join(err.strip().splitlines())[-2000:]
        message = f'onoma {how} on partition {index} (lines {first_line}-{first_line + len(lines) - 1}): {said}'
        named = LINE.search(err)
        if named and 0 <= int(named.group(1)) - first_line < len(lines):
            message += f'\n  the line: {lines[int(named.group(1)) - first_line][:300]}'
        raise OnomaFailure(message)
    if err:
        sys.stderr.write(err)  # the executor's log
    for count in SKIPPED.findall(err):
        skipped.add(int(count))
    out = proc.stdout.decode('utf-8')
    if not out.endswith('\n') or out.count('\n') != len(lines):
        raise OnomaFailure(f'onoma wrote {out.count(chr(10))} lines for {len(lines)} on partition {index}')
    yield from out[:-1].split('\n')


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkContext
    from py4j.protocol import Py4JJavaError

    sc = SparkContext.getOrCreate()
    shipped = []

    def ship(path):
        sc.addFile(path)
        name = os.path.basename(path.rstrip('/'))
        if name in shipped:
            sys.exit(f'normalize_job: two shipped files are named {name}: rename one')
        shipped.append(name)
        return name

    binary = ship(args.onoma) if os.path.exists(args.onoma) or '://' in args.onoma else args.onoma
    # The executors resolve each shipped file's name with SparkFiles.get; onoma gets absolute paths.
    lookup = {}
    for path in args.gazetteer + args.stoplist:
        if path not in lookup:
            lookup[path] = ship(path)
    placeholders = onoma_options(args, lambda p: '\0' + lookup[p])

    def resolve(options):
        from pyspark import SparkFiles
        return [SparkFiles.get(o[1:]) if o.startswith('\0') else o for o in options]

    skipped = sc.accumulator(0)
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    # One pass that reads each partition to count its lines (and find its first document start), then one that
    # normalizes: no shuffle, and the output's partitions are the input's, in order.
    fields = document_fields(args) if args.doc_field is not None else None
    summaries = lines.mapPartitionsWithIndex(lambda i, it: summary(i, it, fields)).collect()
    tails, first_lines = plan(summaries)
    moved = sum(len(t) for t in tails.values())
    print(f'normalize_job: {sum(s[1] for s in summaries)} lines in {len(summaries)} partitions'
          + (f'; {moved} lines moved to the partition where their document starts' if fields else ''), file=sys.stderr)
    tails = sc.broadcast(tails)
    lines = lines.mapPartitionsWithIndex(lambda i, it: regroup(i, it, fields, tails.value), preservesPartitioning=True)
    out = lines.mapPartitionsWithIndex(
        lambda i, it: run_onoma(i, list(it), binary, resolve(placeholders), first_lines.get(i, 1), skipped),
        preservesPartitioning=True)
    try:
        out.saveAsTextFile(args.output)
    except Py4JJavaError as e:
        text = str(e)
        found = re.search(r'OnomaFailure: (.*?)(?:\n(?!  the line: )|\Z)', text, re.S)
        print('normalize_job: ' + (found.group(1).strip() if found else text.strip().split('\n')[0]), file=sys.stderr)
        sc.stop()
        return 1
    if skipped.value:
        print(f'normalize_job: {skipped.value} lines could not be normalized and passed through with an "error" '
              'member', file=sys.stderr)
    sc.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
