"""Signed packages (documents/signing.py): every way of changing a signed package is caught,
and a key is named by its fingerprint or its public key file."""

import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.documents import signing
from dualleader_desktop.documents.package import write_manifest
from dualleader_desktop.documents.signing import (
    PUBLIC_KEY,
    SIGNATURE,
    SigningKeyError,
    branch_key,
    fingerprint,
    key_file,
    raw_public_of,
    sign_manifest,
    wanted_key,
)
from dualleader_desktop.documents.verify import check_package
from tests.documents.test_verify_hostile import CODE, PDF, make_package, zip_with

BRANCH = "机电学院教工第一党支部"


@pytest.fixture
def keys(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    return folder


def signed_package(parent, keys, branch=BRANCH):
    folder = make_package(parent)
    shown = sign_manifest(folder, branch_key(keys, branch))
    return folder, shown


def resign(folder, keys, branch):
    """What someone who changed files would do: hash them again and sign with their own key."""
    write_manifest(folder, {"formats": ["pdf"]})
    return sign_manifest(folder, branch_key(keys, branch))


# ---- an intact signed package ----


def test_a_signed_package_verifies_and_says_it_is_signed_but_by_whom_is_unchecked(tmp_path, keys):
    folder, shown = signed_package(tmp_path, keys)
    assert (folder / SIGNATURE).stat().st_size == 64
    assert (folder / PUBLIC_KEY).read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    for package in (folder, zip_with(folder)):
        report = check_package(package)
        assert report.problems == []  # manifest.sig and .pub are not extra files
        assert "已签名" in report.signature and shown in report.signature
        assert "未指定要核对的公钥" in report.signature


@pytest.mark.parametrize(
    "spelling",
    [
        lambda shown: shown,  # as printed on the cover
        lambda shown: shown.replace(" ", "").upper(),
        lambda shown: shown.replace(" ", ":"),
    ],
)
def test_the_key_given_as_a_fingerprint_confirms_the_signer(tmp_path, keys, spelling):
    folder, shown = signed_package(tmp_path, keys)
    report = check_package(zip_with(folder), key=wanted_key(spelling(shown)))
    assert report.problems == []
    assert "签名有效" in report.signature and shown in report.signature


def test_the_whole_sha256_of_the_key_is_a_fingerprint_too(tmp_path, keys):
    folder, _ = signed_package(tmp_path, keys)
    raw = raw_public_of(branch_key(keys, BRANCH).public_key())
    report = check_package(folder, key=wanted_key(hashlib.sha256(raw).hexdigest()))
    assert report.problems == [] and "签名有效" in report.signature


def test_the_key_given_as_a_file_confirms_the_signer(tmp_path, keys):
    folder, shown = signed_package(tmp_path / "a", keys)
    trusted = tmp_path / "支部公钥.pem"
    trusted.write_bytes((folder / PUBLIC_KEY).read_bytes())
    raw = tmp_path / "支部公钥.raw"
    raw.write_bytes(raw_public_of(branch_key(keys, BRANCH).public_key()))
    for key in (trusted, raw):
        report = check_package(folder, key=wanted_key(str(key)))
        assert report.problems == [], key
        assert "签名有效" in report.signature and shown in report.signature


@pytest.mark.parametrize("text", ["not a key", "3f2a 9c01", "zz" * 16])
def test_what_is_neither_a_key_file_nor_a_fingerprint_is_refused_saying_what_to_give(text):
    with pytest.raises(ValueError, match="指纹"):
        wanted_key(text)


def test_a_file_that_is_not_a_public_key_is_refused(tmp_path, keys):
    private = key_file(keys, BRANCH)
    branch_key(keys, BRANCH)
    with pytest.raises(ValueError, match="不是 Ed25519 公钥文件"):
        wanted_key(str(private))  # the private key is not what --key takes


# ---- tampering ----


def test_an_unsigned_package_fails_a_key_and_is_reported_unsigned_without_one(tmp_path, keys):
    folder = make_package(tmp_path)
    shown = fingerprint(raw_public_of(branch_key(keys, BRANCH).public_key()))
    report = check_package(folder, key=wanted_key(shown))
    assert any("未签名" in p and shown in p for p in report.problems), report
    report = check_package(folder)
    assert report.problems == [] and report.signature.startswith("未签名")


def test_a_package_signed_by_another_key_fails_the_branchs_key(tmp_path, keys):
    folder, _ = signed_package(tmp_path, keys, branch="另一个支部")
    ours = fingerprint(raw_public_of(branch_key(keys, BRANCH).public_key()))
    report = check_package(folder, key=wanted_key(ours))
    assert any("不是由指定的公钥签名" in p and ours in p for p in report.problems), report


def test_files_changed_and_the_package_signed_again_are_caught_only_by_the_key(tmp_path, keys):
    folder, ours = signed_package(tmp_path, keys)
    (folder / "文件" / f"{CODE}.pdf").write_bytes(PDF + b"% changed\n")
    theirs = resign(folder, keys, "冒名者")
    # hashes, manifest and signature agree with each other: without a key nothing is wrong ...
    report = check_package(folder)
    assert all("不符" not in p and "签名" not in p for p in report.problems), report
    assert theirs in report.signature and ours not in report.signature
    # ... but the branch's key says who did not sign it
    report = check_package(folder, key=wanted_key(ours))
    assert any("不是由指定的公钥签名" in p and theirs in p for p in report.problems), report


def test_files_and_manifest_changed_without_the_key_break_the_signature(tmp_path, keys):
    folder, ours = signed_package(tmp_path, keys)
    (folder / "文件" / f"{CODE}.pdf").write_bytes(PDF + b"% changed\n")
    write_manifest(folder, {"formats": ["pdf"]})  # every hash agrees again
    for key in (None, wanted_key(ours)):
        problems = check_package(folder, key=key).problems
        assert any("签名无效" in p and "manifest.json" in p for p in problems), problems


def test_a_manifest_changed_by_one_byte_breaks_the_signature(tmp_path, keys):
    folder, _ = signed_package(tmp_path, keys)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["year"] = 2024
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    assert any("签名无效" in p for p in check_package(zip_with(folder)).problems)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: bytes([data[0] ^ 1]) + data[1:],
        lambda data: data[:-1],
        lambda data: data + b"\n",
        lambda data: b"",
    ],
    ids=["flipped", "short", "long", "empty"],
)
def test_a_damaged_signature_file_is_invalid(tmp_path, keys, damage):
    folder, shown = signed_package(tmp_path, keys)
    (folder / SIGNATURE).write_bytes(damage((folder / SIGNATURE).read_bytes()))
    problems = check_package(folder, key=wanted_key(shown)).problems
    assert any("签名无效" in p and SIGNATURE in p for p in problems), problems


def test_a_damaged_or_missing_public_key_is_reported(tmp_path, keys):
    folder, _ = signed_package(tmp_path, keys)
    (folder / PUBLIC_KEY).write_bytes(
        b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
    )
    problems = check_package(folder).problems
    assert any("不是有效的 Ed25519 公钥" in p for p in problems), problems
    (folder / PUBLIC_KEY).unlink()
    problems = check_package(folder).problems
    assert any("签名不完整" in p and PUBLIC_KEY in p for p in problems), problems


# ---- the branch's key ----


def test_the_key_is_made_once_and_reused_each_branch_its_own(keys):
    first = raw_public_of(branch_key(keys, BRANCH).public_key())
    assert raw_public_of(branch_key(keys, BRANCH).public_key()) == first
    assert raw_public_of(branch_key(keys, "另一个支部").public_key()) != first
    assert sorted(p.name for p in keys.iterdir()) == sorted(
        key_file(keys, name).name for name in (BRANCH, "另一个支部")
    )  # no temporary file left behind


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_private_key_file_is_its_owners_alone(keys):
    branch_key(keys, BRANCH)
    assert key_file(keys, BRANCH).stat().st_mode & 0o777 == 0o600


def test_a_damaged_key_file_is_not_replaced_but_reported(keys):
    key_file(keys, BRANCH).write_bytes(b"garbage")
    with pytest.raises(SigningKeyError, match="已损坏"):
        branch_key(keys, BRANCH)
    assert key_file(keys, BRANCH).read_bytes() == b"garbage"


def test_a_key_made_by_another_export_at_the_same_moment_is_the_one_used(keys, monkeypatch):
    """Two exports making the branch's first key: the one that loses the race takes the
    winner's, so both packages carry one fingerprint."""
    other = keys.parent / "other-keys"
    other.mkdir()
    winner = branch_key(other, BRANCH)
    made = key_file(other, BRANCH).read_bytes()
    real_write = signing._write_new

    def lose_the_race(path, data):
        path.write_bytes(made)  # the other export got there first
        real_write(path, data)

    monkeypatch.setattr(signing, "_write_new", lose_the_race)
    key = branch_key(keys, BRANCH)
    assert raw_public_of(key.public_key()) == raw_public_of(winner.public_key())


# ---- the command line ----


def test_verify_takes_the_key_on_the_command_line(tmp_path, keys, capsys):
    folder, shown = signed_package(tmp_path, keys)
    assert main(["verify", str(folder), "--key", shown]) == 0
    out = capsys.readouterr().out
    assert "核对无误" in out and "签名有效" in out
    other = fingerprint(raw_public_of(branch_key(keys, "另一个支部").public_key()))
    assert main(["verify", str(folder), "--key", other]) == 1
    out, err = capsys.readouterr()
    assert "不是由指定的公钥签名" in out and "共发现 1 处问题" in err
    assert main(["verify", str(folder), "--key", "nonsense"]) == 2
    assert "指纹" in capsys.readouterr().err
    assert main(["verify", str(make_package(tmp_path / "plain"))]) == 0
    assert "未签名" in capsys.readouterr().out


@pytest.mark.skipif(os.name == "nt", reason="the openssl command line is rarely on Windows")
def test_openssl_checks_the_signature_without_this_program(tmp_path, keys):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder, _ = signed_package(tmp_path, keys)
    command = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", PUBLIC_KEY, "-rawin"]
    command += ["-in", "manifest.json", "-sigfile", SIGNATURE]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if "rawin" in done.stderr and done.returncode:  # OpenSSL before 3.0
        pytest.skip("this openssl cannot verify Ed25519 signatures of files")
    assert done.returncode == 0, done.stderr
