"""``make image``: the dashboard's image, built with podman from a local Debian base (no registry needed).

The base is ``debootstrap --variant=minbase bookworm`` imported as ``localhost/ita-base:bookworm`` (made once,
kept). The image is tagged with a hash of everything that goes into it (the Containerfile, the files its
COPY lines name, the base's id), so an image whose content is unchanged is reused, not rebuilt.

What this host needs from podman is read from the environment, then from a config file, then off the host
(``host_settings``), and written to a containers.conf of our own that every podman call here uses:

- ``ITA_PODMAN_RUNTIME``: the OCI runtime; default ``runc`` where cgroups are not purely v2 (crun refuses
  mixed v1/v2 hierarchies), else podman's own choice.
- ``ITA_PODMAN_ULIMITS``: ``nofile=N:N nproc=N:N``; default the host's hard limits, and no more processes than
  ``kernel.pid_max`` (podman's defaults are higher than some hosts allow, and runc then refuses to start).
- ``ITA_BUILD_CA``: a CA bundle mounted (as a build secret) while apt and pip run, for a host whose HTTPS
  goes through a proxy only it trusts; default ``PIP_CERT`` or ``SSL_CERT_FILE`` if set. Never copied in.
- ``ITA_DEBIAN_MIRROR``, ``ITA_DEBIAN_SECURITY``: where debootstrap and apt fetch from.

The config file is ``deploy/host.env`` (or ``ITA_CONTAINER_ENV``), ``NAME=value`` lines; the environment wins.
A ``CONTAINERS_CONF`` already set is left alone: podman then reads only that file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTAINERFILE = PROJECT_ROOT / "Containerfile"
IGNOREFILE = PROJECT_ROOT / ".containerignore"
HOST_ENV = Path(__file__).resolve().parent / "host.env"
BASE = "localhost/ita-base:bookworm"
IMAGE = "localhost/ita-dashboard"
SUITE = "bookworm"


class ContainerError(RuntimeError):
    """podman, debootstrap or a container failed; the message names the command and what it printed."""


@dataclass
class Host:
    """What podman needs on this host, and where each setting came from (for the log)."""

    runtime: str | None = None
    ulimits: list[str] = field(default_factory=list)
    ca_bundle: Path | None = None
    mirror: str = "http://deb.debian.org/debian"
    security: str = "http://deb.debian.org/debian-security"
    origin: dict[str, str] = field(default_factory=dict)

    def containers_conf(self) -> str:
        lines = ["# Written by deploy/image.py from this host's settings (see its docstring).", "[containers]"]
        if self.ulimits:
            lines.append("default_ulimits = [" + ", ".join(json.dumps(u) for u in self.ulimits) + "]")
        lines.append("[engine]")
        if self.runtime:
            lines.append(f"runtime = {json.dumps(self.runtime)}")
        return "\n".join(lines) + "\n"


def _config_file(environ: dict[str, str]) -> dict[str, str]:
    path = Path(environ.get("ITA_CONTAINER_ENV") or HOST_ENV)
    if not path.is_file():
        return {}
    values = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise ContainerError(f"{path} line {number}: expected NAME=value, found {line!r}")
        values[name.strip()] = value.strip().strip('"')
    return values


def _hard_limit(which: int) -> int | None:
    hard = resource.getrlimit(which)[1]
    return None if hard == resource.RLIM_INFINITY else hard


def _pid_max() -> int:
    try:
        return int(Path("/proc/sys/kernel/pid_max").read_text())
    except (OSError, ValueError):
        return 32768  # the kernel's default


def host_settings(environ: dict[str, str] | None = None) -> Host:
    environ = dict(os.environ if environ is None else environ)
    configured = _config_file(environ)
    host = Host()

    def setting(name: str) -> str | None:
        if environ.get(name):
            host.origin[name] = "environment"
            return environ[name]
        if configured.get(name):
            host.origin[name] = "config file"
            return configured[name]
        return None

    runtime = setting("ITA_PODMAN_RUNTIME")
    if runtime is None and not Path("/sys/fs/cgroup/cgroup.controllers").exists() and shutil.which("runc"):
        runtime, host.origin["ITA_PODMAN_RUNTIME"] = "runc", "cgroups not purely v2"
    host.runtime = runtime or None
    ulimits = setting("ITA_PODMAN_ULIMITS")
    if ulimits is None:
        found = {"nofile": _hard_limit(resource.RLIMIT_NOFILE), "nproc": _hard_limit(resource.RLIMIT_NPROC)}
        if found["nproc"] is not None:  # a host here refused more processes than it has process ids
            found["nproc"] = min(found["nproc"], _pid_max())
        ulimits = " ".join(f"{name}={n}:{n}" for name, n in found.items() if n is not None)
        host.origin["ITA_PODMAN_ULIMITS"] = "the host's hard limits"
    host.ulimits = ulimits.split()
    ca = setting("ITA_BUILD_CA") or environ.get("PIP_CERT") or environ.get("SSL_CERT_FILE")
    if ca:
        host.ca_bundle = Path(ca)
        host.origin.setdefault("ITA_BUILD_CA", "PIP_CERT or SSL_CERT_FILE")
        if not host.ca_bundle.is_file():
            raise ContainerError(f"CA bundle {ca} not found (ITA_BUILD_CA, PIP_CERT or SSL_CERT_FILE)")
    host.mirror = setting("ITA_DEBIAN_MIRROR") or host.mirror
    host.security = setting("ITA_DEBIAN_SECURITY") or host.security
    return host


def state_dir() -> Path:
    """Where the generated containers.conf and the run folders live (kept between runs)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "ita-dashboard"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def podman_env(host: Host | None = None) -> dict[str, str]:
    """The environment for podman: our containers.conf unless CONTAINERS_CONF is set already."""
    env = dict(os.environ)
    if not env.get("CONTAINERS_CONF"):
        conf = state_dir() / "containers.conf"
        text = (host or host_settings()).containers_conf()
        if not conf.exists() or conf.read_text() != text:
            conf.write_text(text)
        env["CONTAINERS_CONF"] = str(conf)
    return env


def podman_available() -> bool:
    return shutil.which("podman") is not None


def run(
    args: list[str],
    *,
    env: dict[str, str] | None = None,
    check: bool = True,
    quiet: bool = False,
    timeout: float = 1800,
    stdin: int | None = None,
    stream: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a command, echoed as ``+ command`` (the README's instructions are these lines); ``stream`` lets
    its output through as it comes (a long build) instead of keeping it."""
    if not quiet:
        print("+ " + shlex.join(args), file=sys.stderr, flush=True)
    output = subprocess.PIPE if not stream else None
    done = subprocess.run(
        args, env=env, stdout=output, stderr=output, text=True, timeout=timeout, check=False, stdin=stdin
    )
    if check and done.returncode != 0:
        tail = (done.stderr or done.stdout or "(its output is above)").strip()[-3000:]
        raise ContainerError(f"`{shlex.join(args)}` failed ({done.returncode}):\n{tail}")
    return done


def podman(*args: str, env: dict[str, str] | None = None, **options) -> subprocess.CompletedProcess[str]:
    return run(["podman", *args], env=env or podman_env(), **options)


def image_exists(name: str, env: dict[str, str] | None = None) -> bool:
    return podman("image", "exists", name, env=env, check=False, quiet=True).returncode == 0


def ensure_base(host: Host, env: dict[str, str], refresh: bool = False) -> str:
    """The Debian base, ``debootstrap --variant=minbase`` imported into podman; made once and kept."""
    if image_exists(BASE, env) and not refresh:
        return BASE
    if shutil.which("debootstrap") is None:
        raise ContainerError("debootstrap not installed: sudo apt-get install debootstrap (setup/debian-packages.txt)")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ita-base-", dir="/var/tmp") as work:
        root = Path(work) / "rootfs"
        try:
            run(["debootstrap", "--variant=minbase", SUITE, str(root), host.mirror], stream=True)
        finally:
            _unmount_below(root)  # a failed debootstrap can leave /proc mounted in it: never delete through it
        (root / "etc/apt/sources.list").write_text(
            f"deb {host.mirror} {SUITE} main\n"
            f"deb {host.mirror} {SUITE}-updates main\n"
            f"deb {host.security} {SUITE}-security main\n"
        )
        for folder in ("var/cache/apt/archives", "var/lib/apt/lists"):
            for item in (root / folder).glob("*"):
                if item.is_file():
                    item.unlink()
        tar = subprocess.Popen(["tar", "-C", str(root), "--numeric-owner", "-c", "."], stdout=subprocess.PIPE)
        try:
            run(
                ["podman", "import", "--change", 'CMD ["/bin/bash"]', "-", BASE],
                env=env,
                stdin=tar.stdout.fileno() if tar.stdout else None,
            )
        finally:
            if tar.stdout:
                tar.stdout.close()
            tar.wait()
    print(f"base {BASE} made in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return BASE


def _unmount_below(root: Path) -> None:
    mounts = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()]
    for point in sorted((m for m in mounts if m.startswith(f"{root}/")), reverse=True):
        subprocess.run(["umount", "--lazy", point], check=False)


def copied_paths(containerfile: Path = CONTAINERFILE) -> list[str]:
    """The sources of the Containerfile's COPY lines (flags and the destination left out)."""
    sources = []
    for line in containerfile.read_text().splitlines():
        words = line.split()
        if words and words[0].upper() == "COPY":
            sources += [w for w in words[1:-1] if not w.startswith("--")]
    return sources


def content_hash(base_id: str, build_args: dict[str, str]) -> str:
    """A hash of everything the image is made of: Containerfile, ignore file, copied files, base, args."""
    digest = hashlib.sha256()
    for fixed in (CONTAINERFILE, IGNOREFILE):
        digest.update(fixed.name.encode() + b"\0" + fixed.read_bytes())
    digest.update(base_id.encode() + json.dumps(build_args, sort_keys=True).encode())
    for source in copied_paths():
        top = PROJECT_ROOT / source
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue  # .containerignore keeps them out of the image
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def image_size(name: str, env: dict[str, str] | None = None) -> int:
    return int(podman("image", "inspect", "--format", "{{.Size}}", name, env=env, quiet=True).stdout.strip())


def build_image(refresh_base: bool = False, force: bool = False) -> str:
    """The image for the code as it is now: reused when one with the same content hash exists."""
    host = host_settings()
    env = podman_env(host)
    base = ensure_base(host, env, refresh=refresh_base)
    base_id = podman("image", "inspect", "--format", "{{.Id}}", base, env=env, quiet=True).stdout.strip()
    build_args = {"BASE": base}
    tag = f"{IMAGE}:{content_hash(base_id, build_args)}"
    if image_exists(tag, env) and not force:
        print(f"image {tag} is up to date (same content hash)", file=sys.stderr)
        podman("tag", tag, f"{IMAGE}:latest", env=env, quiet=True)
        return tag
    args = ["build", "--format", "docker", "--file", str(CONTAINERFILE), "--tag", tag]
    args += [a for name, value in build_args.items() for a in ("--build-arg", f"{name}={value}")]
    if host.ca_bundle:
        args += ["--secret", f"id=ca,src={host.ca_bundle}"]
    started = time.monotonic()
    podman(*args, str(PROJECT_ROOT), env=env, stream=True)
    podman("tag", tag, f"{IMAGE}:latest", env=env, quiet=True)
    print(f"image {tag} built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    _forget_older_images(tag, env)
    return tag


def _forget_older_images(keep: str, env: dict[str, str], kept: int = 3) -> None:
    """Untag the images of older code but the newest few (two worktrees may build in turn); the layers
    they share with the newer ones stay."""
    listed = podman("images", "--format", "{{.CreatedAt}}\t{{.Repository}}:{{.Tag}}", IMAGE, env=env, quiet=True)
    names = [line.split("\t")[1] for line in sorted(listed.stdout.splitlines(), reverse=True) if "\t" in line]
    older = [n for n in names if n not in (keep, f"{IMAGE}:latest")][kept - 1 :]
    for name in older:
        podman("rmi", name, env=env, check=False, quiet=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.image", description=__doc__.splitlines()[0])
    parser.add_argument("--new-base", action="store_true", help="debootstrap the base again (newer packages)")
    parser.add_argument("--force", action="store_true", help="build even if an image of this content exists")
    parser.add_argument("--print-settings", action="store_true", help="show this host's podman settings and stop")
    args = parser.parse_args(argv)
    if not podman_available():
        print("podman not installed: sudo apt-get install podman runc debootstrap", file=sys.stderr)
        return 2
    host = host_settings()
    if args.print_settings:
        for name, origin in sorted(host.origin.items()):
            print(f"# {name}: from {origin}")
        print(host.containers_conf(), end="")
        print(f"# build secret ca: {host.ca_bundle or 'none'}")
        return 0
    try:
        tag = build_image(refresh_base=args.new_base, force=args.force)
    except ContainerError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{tag} {image_size(tag) / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
