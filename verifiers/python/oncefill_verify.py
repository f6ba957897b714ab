#!/usr/bin/env python3
"""Verifier of oncefill provenance envelopes (format 1, token prefix "ofp1").

Written from docs/protocol.md, Part 2, alone (no TypeScript read), with the Python 3
standard library only. Section numbers in comments are those of that document.

Import it:

    from oncefill_verify import verify_submission_json
    report = verify_submission_json(request_body, {"code": "1.004616", "version": "2025.1"},
                                    {"k2026b": key_bytes}, now=int(time.time()),
                                    subjects=[{"personalId": session_person_id}])

Or check it against the published vectors:

    python3 oncefill_verify.py --jcs <jcs-testdata dir> --vectors <docs/test-vectors dir>
"""

import argparse
import base64
import decimal
import hashlib
import hmac
import json
import math
import pathlib
import re
import sys

__all__ = [
    "NotCanonicalizable",
    "parse_json",
    "canonicalize",
    "canonical_bytes",
    "b64url",
    "strict_b64url_decode",
    "derive_keys",
    "key_from_base64url",
    "subject_hash",
    "value_hash",
    "verify_submission",
    "verify_submission_json",
]

MAX_TOKEN_UNITS = 1_048_576
MAX_STATEMENTS = 64
MAX_SUBJECTS = 8
MAX_DEPTH = 64
MAX_LIST = 64  # hashes per field, references per component
MIN_KEY_BYTES = 32
MAX_WHOLE = 2**53 - 1
DEFAULT_LEEWAY = 60

SOURCES = ("population", "results", "personal", "business")
VERIFICATIONS = ("verified", "user-provided", "not-applicable")

# Every pattern is used with re.fullmatch (§2.2 "Whole-match"); all classes are ASCII ranges.
KID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
B64_RE = re.compile(r"[A-Za-z0-9_-]*")
NONCE_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
HASH_RE = re.compile(r"[A-Za-z0-9_-]{43}")
_SEGMENT = r"[A-Za-z][A-Za-z0-9_]{0,63}(\[(0|[1-9][0-9]*)\])?"
PATH_RE = re.compile(_SEGMENT + r"(\." + _SEGMENT + r")*")
COMPONENT_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")

FIELD_MEMBERS = {"attribute", "hashes", "locked", "recordId", "source", "verification"}
REFERENCE_MEMBERS = {"documentNumber", "documentType", "fromNationalStore", "procedureCode",
                     "recordId", "resultCode", "source", "storeRef"}
PAYLOAD_MEMBERS = {"components", "exp", "fields", "iat", "nonce", "procedure", "sub"}


# ---------------------------------------------------------------------------------------
# §2.3 Canonical JSON (RFC 8785)


class NotCanonicalizable(ValueError):
    """The value holds a lone surrogate, a non-finite number or nests too deep (§2.3.3)."""


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(text):
    """Parse JSON text with every number read as a double (§2.3.1); NaN/Infinity refused."""
    return json.loads(text, parse_int=float, parse_constant=_reject_constant)


def _utf16_key(s):
    # UTF-16 code-unit order (§2.2); big-endian bytes compare like the code units.
    return s.encode("utf-16-be", "surrogatepass")


def _string(s):
    # Round-trip through UTF-16: a lone surrogate fails the strict decode, and a surrogate
    # pair held as two code points becomes the one character it stands for.
    try:
        s = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise NotCanonicalizable("lone surrogate") from None
    return '"' + s.translate(_ESCAPES) + '"'


_ESCAPES = {c: "\\u%04x" % c for c in range(0x20)}
_ESCAPES.update({0x22: '\\"', 0x5C: "\\\\", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n",
                 0x0C: "\\f", 0x0D: "\\r"})


def _number(x):
    """ECMAScript Number::toString, laid out from Python's shortest repr (§2.3.2)."""
    if isinstance(x, int):
        try:
            x = float(x)  # an int given by a Python caller: the nearest double
        except OverflowError:
            raise NotCanonicalizable("number out of range") from None
    if not math.isfinite(x):
        raise NotCanonicalizable("non-finite number")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + _number(-x)
    _, digits, exponent = decimal.Decimal(repr(x)).as_tuple()
    n = len(digits) + exponent
    s = "".join(map(str, digits)).rstrip("0")
    k = len(s)
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    mantissa = s if k == 1 else s[0] + "." + s[1:]
    return mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def _canonical(v, depth):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return _number(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, (list, dict)):
        # The outermost array or object is level 1; level 65 is refused.
        if depth + 1 > MAX_DEPTH:
            raise NotCanonicalizable("nested more than 64 levels")
        if isinstance(v, list):
            return "[" + ",".join(_canonical(item, depth + 1) for item in v) + "]"
        if not all(isinstance(name, str) for name in v):
            raise NotCanonicalizable("member name is not a string")
        names = sorted(v, key=_utf16_key)
        return "{" + ",".join(_string(n) + ":" + _canonical(v[n], depth + 1) for n in names) + "}"
    raise NotCanonicalizable(f"not a JSON value: {type(v).__name__}")


def canonicalize(value):
    """canonical(value) of §2.3.2 as a str; raises NotCanonicalizable (§2.3.3)."""
    return _canonical(value, 0)


def canonical_bytes(value):
    """UTF-8(canonical(value)): the bytes every hash and MAC is taken over."""
    return canonicalize(value).encode("utf-8")


def _can_canonicalize(value):
    try:
        canonicalize(value)
        return True
    except NotCanonicalizable:
        return False


# ---------------------------------------------------------------------------------------
# §2.2 primitives, §2.4 keys, §2.5 subject hash, §2.6 value hash


def b64url(data):
    """base64url without padding (§2.2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def strict_b64url_decode(text):
    """Strict base64url decoding (§2.2): the bytes, or None if any of its three rules fails."""
    if not B64_RE.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        return None
    return data if b64url(data) == text else None


def _hmac(key, message):
    return hmac.new(key, message, hashlib.sha256).digest()


def key_from_base64url(text):
    """A key exchanged as base64url text (§2.4): decoded strictly, at least 32 bytes.

    Anything else is a configuration error (ValueError), never a finding about a submission.
    """
    key = strict_b64url_decode(text) if isinstance(text, str) else None
    if key is None or len(key) < MIN_KEY_BYTES:
        raise ValueError(f"a key must be strict base64url of at least {MIN_KEY_BYTES} bytes")
    return key


def derive_keys(key):
    """(subjectKey, valueKey) derived from a key (§2.4)."""
    return (_hmac(key, b"oncefill/provenance/v1/subject"),
            _hmac(key, b"oncefill/provenance/v1/value"))


def subject_hash(key, subject):
    """sub of §2.5 for a subject object under a key (the key itself, not subjectKey)."""
    return b64url(_hmac(derive_keys(key)[0], canonical_bytes(subject)))


def value_hash(key, value):
    """Value hash of §2.6 under a key (the key itself, not valueKey)."""
    return b64url(_hmac(derive_keys(key)[1], canonical_bytes(value)))


# ---------------------------------------------------------------------------------------
# §2.7 payload rules P1–P7


def _is_str(x):
    # "string" means a JSON string of at least one character unless a pattern says otherwise.
    return isinstance(x, str) and x != ""


def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_whole_time(x):
    return _is_number(x) and math.isfinite(x) and x == math.floor(x) and 0 <= x <= MAX_WHOLE


def _field_entry_ok(entry):
    if not isinstance(entry, dict) or not set(entry) <= FIELD_MEMBERS:
        return False
    if not {"hashes", "locked", "source", "verification"} <= set(entry):
        return False
    hashes = entry["hashes"]
    if not (isinstance(hashes, list) and 1 <= len(hashes) <= MAX_LIST):
        return False
    if not all(isinstance(h, str) and HASH_RE.fullmatch(h) for h in hashes):
        return False
    if entry["source"] not in SOURCES or entry["verification"] not in VERIFICATIONS:
        return False
    if not isinstance(entry["locked"], bool):
        return False
    if entry["locked"] and entry["verification"] != "verified":
        return False
    return all(_is_str(entry[m]) for m in ("attribute", "recordId") if m in entry)


def _reference_ok(ref):
    if not isinstance(ref, dict) or not set(ref) <= REFERENCE_MEMBERS:
        return False
    if not {"documentNumber", "documentType", "fromNationalStore", "source"} <= set(ref):
        return False
    if ref["source"] not in SOURCES or not isinstance(ref["fromNationalStore"], bool):
        return False
    return all(_is_str(v) for m, v in ref.items() if m not in ("source", "fromNationalStore"))


def payload_well_formed(p):
    """The payload rules P1–P7 of §2.7 on a parsed payload."""
    if not isinstance(p, dict) or set(p) != PAYLOAD_MEMBERS:  # P1
        return False
    if not (_is_whole_time(p["iat"]) and _is_whole_time(p["exp"]) and p["exp"] > p["iat"]):
        return False  # P2
    if not (isinstance(p["nonce"], str) and NONCE_RE.fullmatch(p["nonce"])):  # P3
        return False
    if not (isinstance(p["sub"], str) and HASH_RE.fullmatch(p["sub"])):  # P4
        return False
    proc = p["procedure"]  # P5
    if not (isinstance(proc, dict) and set(proc) == {"code", "version"}
            and _is_str(proc["code"]) and _is_str(proc["version"])):
        return False
    fields = p["fields"]  # P6
    if not isinstance(fields, dict):
        return False
    if not all(PATH_RE.fullmatch(path) and _field_entry_ok(e) for path, e in fields.items()):
        return False
    components = p["components"]  # P7
    if not isinstance(components, dict):
        return False
    return all(COMPONENT_RE.fullmatch(cid) and isinstance(refs, list)
               and 1 <= len(refs) <= MAX_LIST and all(_reference_ok(r) for r in refs)
               for cid, refs in components.items())


# ---------------------------------------------------------------------------------------
# §2.10 submission, §2.11 verification


def _submission_well_formed(s):
    if not isinstance(s, dict) or not isinstance(s.get("values"), dict):
        return False
    if "components" in s and not isinstance(s["components"], dict):
        return False
    if not (isinstance(s.get("provenance"), list) and len(s["provenance"]) <= MAX_STATEMENTS):
        return False
    subjects = s.get("subjects")
    if not (isinstance(subjects, list) and 1 <= len(subjects) <= MAX_SUBJECTS):
        return False
    for subject in subjects:
        if not (isinstance(subject, dict) and len(subject) == 1):
            return False
        (name, value), = subject.items()
        if name not in ("personalId", "enterpriseCode") or not _is_str(value):
            return False
        if not _can_canonicalize(value):
            return False
    return True


def _utf16_length(s):
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _check_statement(item, procedure, keys, subjects, now, leeway):
    """Steps B1–B10 for one item: (report entry, payload if valid else None)."""
    if not isinstance(item, str):  # B1
        return {"status": "malformed"}, None
    if _utf16_length(item) > MAX_TOKEN_UNITS:  # B2, before any decoding
        return {"status": "too-large"}, None
    parts = item.split(".")  # B3
    if len(parts) != 4:
        return {"status": "malformed"}, None
    prefix, kid, body, mac_text = parts
    if prefix != "ofp1" or not KID_RE.fullmatch(kid):
        return {"status": "malformed"}, None
    payload_bytes = strict_b64url_decode(body)
    mac = strict_b64url_decode(mac_text)
    if not payload_bytes or mac is None or len(mac) != 32:
        return {"status": "malformed"}, None
    entry = {"kid": kid}
    if kid not in keys:  # B4
        return {"status": "unknown-kid", **entry}, None
    key = keys[kid]
    signing_input = f"{prefix}.{kid}.{body}".encode("ascii")
    if not hmac.compare_digest(_hmac(key, signing_input), mac):  # B5
        return {"status": "bad-signature", **entry}, None
    payload = _parse_payload(payload_bytes)  # B6
    if payload is None:
        return {"status": "malformed", **entry}, None
    entry["nonce"] = payload["nonce"]
    proc = payload["procedure"]  # B7
    if proc["code"] != procedure["code"] or proc["version"] != procedure["version"]:
        return {"status": "procedure-mismatch", **entry}, None
    if not any(payload["sub"] == subject_hash(key, s) for s in subjects):  # B8
        return {"status": "subject-mismatch", **entry}, None
    if not payload["iat"] <= now + leeway:  # B9
        return {"status": "not-yet-valid", **entry}, None
    if not now < payload["exp"] + leeway:  # B10
        return {"status": "expired", **entry}, None
    return {"status": "valid", **entry}, payload


def _parse_payload(data):
    """Step B6: the parsed payload if its bytes are valid, canonical and well-formed."""
    try:
        text = data.decode("utf-8")  # strict: no surrogates, no overlongs; a BOM stays
        value = parse_json(text)
        if canonical_bytes(value) != data:
            return None
    except (ValueError, RecursionError):  # UnicodeDecodeError, JSONDecodeError, NotCanonicalizable
        return None
    return value if payload_well_formed(value) else None


def verify_submission(submission, procedure, keys, now, leeway=DEFAULT_LEEWAY, subjects=None):
    """Verify a parsed submission (§2.11) and return its report (a dict, §2.11 E).

    submission: the parsed JSON submission (parse it with parse_json). procedure: {"code":
    str, "version": str}. keys: {kid: key bytes}. now: Unix seconds. leeway: seconds of
    clock difference allowed. subjects: the subjects of your own session (§2.11 input 2); if
    given they replace the submission's own member, which must never come from the browser
    (§2.10). Without it the submission's `subjects` is used, as in the test vectors.
    """
    for kid, key in keys.items():
        if not (isinstance(kid, str) and KID_RE.fullmatch(kid)):
            raise ValueError("a kid must match [A-Za-z0-9_-]{1,64}")
        if not isinstance(key, (bytes, bytearray)) or len(key) < MIN_KEY_BYTES:
            raise ValueError(f"the key of kid {kid} must be at least {MIN_KEY_BYTES} bytes")

    if subjects is not None and isinstance(submission, dict):
        submission = dict(submission, subjects=subjects)
    if not _submission_well_formed(submission):  # A
        return {"ok": False, "statements": [], "fields": {}, "components": {},
                "problems": [{"code": "malformed-submission"}]}

    statements, valid, problems = [], [], []  # valid: (index, kid, payload)
    for i, item in enumerate(submission["provenance"]):  # B
        entry, payload = _check_statement(item, procedure, keys, submission["subjects"],
                                          now, leeway)
        statements.append(entry)
        if payload is None:
            problems.append({"code": entry["status"], "statement": i})
        else:
            valid.append((i, entry["kid"], payload))

    value_keys = {kid: derive_keys(key)[1] for kid, key in keys.items()}
    fields = {}
    values = submission["values"]
    for path in sorted(values, key=_utf16_key):  # C
        covering = [(i, kid, p["fields"][path]) for i, kid, p in valid if path in p["fields"]]
        if not covering:
            fields[path] = {"status": "unsigned"}
            continue
        try:
            text = canonical_bytes(values[path])
        except NotCanonicalizable:
            text = None  # matches nothing
        match = None
        if text is not None:
            for i, kid, e in covering:
                if b64url(_hmac(value_keys[kid], text)) in e["hashes"]:
                    match = (i, e)
                    break
        if match:
            i, e = match
            fields[path] = {"status": "verified", "statement": i, "source": e["source"],
                            "verification": e["verification"], "locked": e["locked"]}
            fields[path].update({m: e[m] for m in ("attribute", "recordId") if m in e})
        else:
            locked = any(e["locked"] for _, _, e in covering)
            fields[path] = {"status": "altered", "locked": locked}
            if locked:
                problems.append({"code": "altered-locked-value", "path": path})

    components = {}
    claims = submission.get("components", {})
    for cid in sorted(claims, key=_utf16_key):  # D
        covering = [(i, p["components"][cid]) for i, _, p in valid if cid in p["components"]]
        if not covering:
            components[cid] = {"status": "unsigned"}
            continue
        try:
            claim = canonicalize(claims[cid])
        except NotCanonicalizable:
            claim = None
        found = None
        if claim is not None:
            found = next((i for i, refs in covering
                          if any(canonicalize(r) == claim for r in refs)), None)
        if found is not None:
            components[cid] = {"status": "verified", "statement": found}
        else:
            components[cid] = {"status": "altered"}
            problems.append({"code": "altered-reuse-reference", "component": cid})

    return {"ok": not problems, "statements": statements, "fields": fields,
            "components": components, "problems": problems}  # E


def verify_submission_json(data, procedure, keys, now, *, subjects, leeway=DEFAULT_LEEWAY):
    """Verify a submission given as JSON text (str or UTF-8 bytes), as from a browser.

    subjects is required: the subjects of your own session replace whatever the text holds
    (§2.10, §2.11 input 2). Text that is not UTF-8 (a BOM included) or not one JSON value
    gives the malformed-submission report (§2.10). Python's parser gives up on text nested
    about 1,000 levels deep, which is then malformed-submission too (see the README).
    """
    try:
        if isinstance(data, (bytes, bytearray)):
            text = data.decode("utf-8")
        else:
            text = data
            text.encode("utf-8")  # a str holding a raw lone surrogate is not UTF-8 text
        submission = parse_json(text)  # a leading BOM is refused by the parser
    except (ValueError, RecursionError):  # UnicodeError and JSONDecodeError are ValueErrors
        submission = None
    return verify_submission(submission, procedure, keys, now, leeway, subjects=subjects)


# ---------------------------------------------------------------------------------------
# Command line: the RFC 8785 reference files and docs/test-vectors


class _Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def case(self, name, check):
        """check() returns None when the case passes, else a one-line reason."""
        try:
            reason = check()
        except Exception as exc:  # a crash is a failed case, not a crashed run
            reason = f"raised {type(exc).__name__}: {exc}"
        if reason is None:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}: {reason}")


def _dumps(v):
    return json.dumps(v, ensure_ascii=True, separators=(",", ":"))


def _jcs_cases(run, folder):
    folder = pathlib.Path(folder)
    inputs = sorted((folder / "input").glob("*.json"))
    if not inputs:
        raise SystemExit(f"no RFC 8785 input files under {folder / 'input'}")
    for path in inputs:
        def check(path=path):
            got = canonical_bytes(parse_json(path.read_bytes().decode("utf-8")))
            want = (folder / "output" / path.name).read_bytes()
            want_hex = bytes.fromhex("".join((folder / "outhex" / (path.stem + ".txt"))
                                             .read_text("ascii").split()))
            if got != want:
                return f"output differs: got {got!r}"
            if got != want_hex:
                return "outhex differs"
            return None
        run.case(f"jcs/{path.stem}", check)


def _vector_cases(run, doc, label):
    keys = {k["kid"]: bytes.fromhex(k["hex"]) for k in doc.get("keys", [])}

    for c in doc.get("canonicalization", []):
        def check(c=c):
            got = canonical_bytes(parse_json(c["input"]))
            if got.hex() != c["canonicalHex"] or got.decode("utf-8") != c["canonical"]:
                return f"got {got.hex()}"
            return None
        run.case(f"{label}/canonicalization/{c['name']}", check)

    for c in doc.get("canonicalizationRejected", []):
        def check(c=c):
            value = parse_json(c["input"])
            return None if not _can_canonicalize(value) else "was canonicalized"
        run.case(f"{label}/canonicalizationRejected/{c['name']}", check)

    for k in doc.get("keys", []):
        def check(k=k):
            key = bytes.fromhex(k["hex"])
            subject_key, value_key = derive_keys(key)
            if key_from_base64url(k["base64url"]) != key:
                return "hex and base64url differ"
            if len(key) < MIN_KEY_BYTES:
                return "shorter than 32 bytes"
            if (subject_key.hex(), value_key.hex()) != (k["subjectKeyHex"], k["valueKeyHex"]):
                return "derived keys differ"
            return None
        run.case(f"{label}/keys/{k['kid']}", check)

    for n, h in enumerate(doc.get("subjectHashes", [])):
        def check(h=h):
            if canonicalize(h["subject"]) != h["canonical"]:
                return "canonical differs"
            got = subject_hash(keys[h["kid"]], h["subject"])
            return None if got == h["hash"] else f"got {got}"
        run.case(f"{label}/subjectHashes/{n}", check)

    for n, h in enumerate(doc.get("valueHashes", [])):
        def check(h=h):
            if canonicalize(h["value"]) != h["canonical"]:
                return "canonical differs"
            got = value_hash(keys[h["kid"]], h["value"])
            return None if got == h["hash"] else f"got {got}"
        run.case(f"{label}/valueHashes/{n}", check)

    for s in doc.get("statements", []):
        def check(s=s):
            payload = canonical_bytes(s["payload"])
            if payload.decode("utf-8") != s["canonical"] or not payload_well_formed(s["payload"]):
                return "payload not canonical or not well-formed"
            signing_input = f"ofp1.{s['kid']}.{b64url(payload)}"
            if signing_input != s["signingInput"]:
                return "signing input differs"
            mac = _hmac(keys[s["kid"]], signing_input.encode("ascii"))
            if mac.hex() != s["macHex"] or f"{signing_input}.{b64url(mac)}" != s["token"]:
                return "MAC or token differs"
            return None
        run.case(f"{label}/statements/{s['name']}", check)

    for v in doc.get("verifications", []):
        def check(v=v):
            known = {kid: keys[kid] for kid in v["keys"]}
            got = verify_submission(v["submission"], v["procedure"], known,
                                    v["nowSeconds"], v["leewaySeconds"])
            # §2.14: reports are equal when their canonical forms are.
            if canonicalize(got) == canonicalize(v["report"]):
                return None
            return (f"report differs; got problems {_dumps(got['problems'])}, "
                    f"expected {_dumps(v['report']['problems'])}; got {_dumps(got)}")
        run.case(f"{label}/verifications/{v['name']}", check)

    if keys and doc.get("verifications"):
        # §2.14: too-large has no vector; a 1,048,577-character token, never decoded.
        def check():
            v = doc["verifications"][0]
            kid = next(iter(keys))
            token = f"ofp1.{kid}." + "A" * (MAX_TOKEN_UNITS + 1 - len(kid) - 6)
            submission = dict(v["submission"], provenance=[token])
            got = verify_submission(submission, v["procedure"], keys, v["nowSeconds"])
            want = ({"status": "too-large"}, [{"code": "too-large", "statement": 0}])
            return None if (got["statements"][0], got["problems"]) == want else _dumps(got)
        run.case(f"{label}/limits/too-large-token", check)


def _text_cases(run, doc, label):
    """Rules of §2.10 (submission as text) and §2.4 (configuration) that have no vector,
    checked on the worked example (§2.13): text must give the report of the parsed object
    (the vectors' expected reports are checked once, in _vector_cases)."""
    by_name = {v["name"]: v for v in doc.get("verifications", [])}
    good = by_name.get("worked-example")
    if not (good and good["submission"]["provenance"]):
        return
    keys = {k["kid"]: bytes.fromhex(k["hex"]) for k in doc["keys"] if k["kid"] in good["keys"]}
    subjects = good["submission"]["subjects"]
    malformed = {"ok": False, "statements": [], "fields": {}, "components": {},
                 "problems": [{"code": "malformed-submission"}]}

    def as_object(submission):
        return verify_submission(submission, good["procedure"], keys, good["nowSeconds"],
                                 good["leewaySeconds"])

    def verify_text(data, want, session=subjects):
        got = verify_submission_json(data, good["procedure"], keys, good["nowSeconds"],
                                     subjects=session, leeway=good["leewaySeconds"])
        return None if canonicalize(got) == canonicalize(want) else _dumps(got)

    body = json.dumps(good["submission"], ensure_ascii=False).encode("utf-8")
    run.case(f"{label}/text/utf-8", lambda: verify_text(body, as_object(good["submission"])))
    run.case(f"{label}/text/bom", lambda: verify_text(b"\xef\xbb\xbf" + body, malformed))
    latin1 = body.replace("Công".encode("utf-8"), "Công".encode("latin-1"))
    run.case(f"{label}/text/not-utf-8",
             lambda: "no such text" if latin1 == body else verify_text(latin1, malformed))
    run.case(f"{label}/text/two-values", lambda: verify_text(body + b" {}", malformed))

    def duplicate(first, last):
        # {"provenance": first, ..., "provenance": last}: the last one counts (§2.10).
        return (b'{"provenance":' + json.dumps(first).encode() +
                b',"values":' + json.dumps(good["submission"]["values"]).encode() +
                b',"provenance":' + json.dumps(last).encode() + b"}")
    tokens = good["submission"]["provenance"]
    without = dict(good["submission"], provenance=[])
    run.case(f"{label}/text/duplicate-last-wins",
             lambda: verify_text(duplicate([], tokens), as_object(good["submission"]))
             or verify_text(duplicate(tokens, []), as_object(without)))

    def subjects_replaced():
        # The browser's subjects never count: only the session's do (§2.10).
        other = [{"personalId": "079000000000"}]
        forged = json.dumps(dict(good["submission"], subjects=other)).encode()
        if verify_text(forged, as_object(good["submission"])) is not None:
            return "the browser's subjects were used"
        got = verify_submission_json(body, good["procedure"], keys, good["nowSeconds"],
                                     subjects=other)
        if got["statements"][0]["status"] != "subject-mismatch":
            return "the session's subjects were not used"
        return None
    run.case(f"{label}/text/subjects-from-session", subjects_replaced)

    def bad_configuration():
        kid, key = next(iter(keys.items()))
        text = b64url(key)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        # 32 bytes leave two unused low bits in the last character: set or clear one.
        flipped = text[:-1] + alphabet[alphabet.index(text[-1]) ^ 1]
        for wrong in (text + "=", text[:-1] + "+", b64url(key[:31]), flipped):
            try:
                key_from_base64url(wrong)
                return f"key text {wrong!r} accepted"
            except ValueError:
                pass
        for wrong_keys in ({kid: key[:31]}, {"bad kid": key}, {"k" * 65: key}):
            try:
                verify_submission(good["submission"], good["procedure"], wrong_keys, 0)
                return "a bad key or kid was accepted"
            except ValueError:
                pass
        return None
    run.case(f"{label}/config/bad-keys-refused", bad_configuration)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jcs", required=True,
                        help="RFC 8785 test data folder (input/, output/, outhex/)")
    parser.add_argument("--vectors", required=True,
                        help="folder of oncefill test-vector files (docs/test-vectors)")
    args = parser.parse_args(argv)

    run = _Run()
    _jcs_cases(run, args.jcs)
    files = sorted(pathlib.Path(args.vectors).glob("*.json"))
    if not files:
        raise SystemExit(f"no test-vector files under {args.vectors}")
    for path in files:
        # The vectors are JSON like any other: numbers as doubles (§2.3.1).
        doc = parse_json(path.read_bytes().decode("utf-8"))
        _vector_cases(run, doc, path.stem)
        _text_cases(run, doc, path.stem)
    print(f"summary: {run.passed} passed, {run.failed} failed")
    return 0 if run.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
