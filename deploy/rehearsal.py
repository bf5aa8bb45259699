"""``make rehearsal``: the layout over several machines, rehearsed on one with real containers.

- one **writer**: a short-lived container of the image that runs ``python -m ita_data build / import-table /
  ingest`` on the shared volume (read-write) and publishes a new snapshot (an atomic rename);
- **replicas**: containers of the image that serve the dashboard from the same volume mounted read-only, all
  with one cookie secret (and one ``[auth]``, if a secrets file is given); each sees a new snapshot at its
  next visitor's rerun;
- **HAProxy** in front (this host's, with the project's ``serve/haproxy.cfg.in``): sticky by an inserted
  cookie, websockets held open, and a browser whose replica has gone is sent to another.

Each replica stands for a machine, the volume for the shared folder (or the copy of it each machine gets),
HAProxy for the load balancer. Names start with the prefix (``ita-rehearsal``); ``down`` removes them all.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy import image
from deploy.image import ContainerError, podman
from ita_data.serving import HAPROXY, haproxy_config

PREFIX = "ita-rehearsal"
PORT = 8501  # what Streamlit listens on inside the image


@dataclass
class Layout:
    """A running rehearsal: the containers' names, where HAProxy answers, and its files."""

    image: str
    prefix: str
    run_dir: Path
    cookie_secret: str
    replicas: dict[str, int] = field(default_factory=dict)  # name -> port on 127.0.0.1
    url: str = ""
    proxy: subprocess.Popen | None = None

    @property
    def volume(self) -> str:
        return f"{self.prefix}-data"

    @property
    def network(self) -> str:
        return self.prefix

    def replica(self, number: int) -> str:
        return f"{self.prefix}-r{number}"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_dir(prefix: str) -> Path:
    return image.state_dir() / prefix


def down(prefix: str = PREFIX, proxy: subprocess.Popen | None = None) -> None:
    """Stop and remove everything of a rehearsal: HAProxy, containers, the volume and the network."""
    if proxy is not None and proxy.poll() is None:
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()
    _stop_abandoned_proxy(run_dir(prefix))
    label = f"label=ita.rehearsal={prefix}"
    ids = podman("ps", "--all", "--quiet", "--filter", label, quiet=True).stdout.split()
    if ids:
        podman("rm", "--force", "--time", "5", *ids)
    podman("volume", "rm", "--force", f"{prefix}-data", check=False, quiet=True)
    podman("network", "rm", "--force", prefix, check=False, quiet=True)
    shutil.rmtree(run_dir(prefix), ignore_errors=True)


def _stop_abandoned_proxy(folder: Path) -> None:
    """The HAProxy of a rehearsal whose starter died (its pid file names it, its command line its config)."""
    try:
        pid = int((folder / "haproxy.pid").read_text())
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if str(folder / "haproxy.cfg").encode() in command:
        os.kill(pid, signal.SIGTERM)


def write(layout: Layout, *command: str, inputs: tuple[Path, ...] = (), timeout: float = 600) -> str:
    """The writer: ``python -m ita_data COMMAND`` in a container of its own, on the volume read-write, with
    each input file mounted read-only at /in/NAME (so a command names it as /in/NAME). Returns its output."""
    mounts = []
    for path in inputs:
        mounts += ["--volume", f"{Path(path).resolve()}:/in/{Path(path).name}:ro"]
    done = podman(
        "run", "--rm", "--network", "none", "--label", f"ita.rehearsal={layout.prefix}",
        "--volume", f"{layout.volume}:/data", *mounts, layout.image, "python", "-m", "ita_data", *command,
        timeout=timeout,
    )  # fmt: skip
    return done.stdout + done.stderr


def volume_path(layout: Layout) -> Path:
    """Where the volume is on this host (to check what the replicas serve against the file itself)."""
    return Path(podman("volume", "inspect", "--format", "{{.Mountpoint}}", layout.volume, quiet=True).stdout.strip())


def start_replica(layout: Layout, number: int, secrets_file: Path | None = None) -> str:
    name = layout.replica(number)
    extra = []
    if secrets_file is not None:  # the same [auth] and [access] on every replica
        extra += ["--volume", f"{secrets_file.resolve()}:/app/.streamlit/secrets.toml:ro"]
    # The secret is passed by name: podman takes its value from its own environment (not on the command line).
    env = dict(image.podman_env(), STREAMLIT_SERVER_COOKIE_SECRET=layout.cookie_secret)
    podman(
        "run", "--detach", "--name", name, "--label", f"ita.rehearsal={layout.prefix}",
        "--network", layout.network, "--publish", f"127.0.0.1::{PORT}",
        "--volume", f"{layout.volume}:/data:ro", "--env", "STREAMLIT_SERVER_COOKIE_SECRET",
        *extra, layout.image,
        env=env,
    )  # fmt: skip
    published = podman("port", name, f"{PORT}/tcp", quiet=True).stdout.split()[0]
    layout.replicas[name] = int(published.rsplit(":", 1)[1])
    return name


def wait_healthy(name: str, seconds: float = 120) -> None:
    """Until the image's own HEALTHCHECK (Streamlit's /_stcore/health) passes in the container."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if podman("healthcheck", "run", name, check=False, quiet=True).returncode == 0:
            return
        state = podman("inspect", "--format", "{{.State.Status}}", name, check=False, quiet=True).stdout.strip()
        if state not in ("running", "created"):
            logs = podman("logs", "--tail", "40", name, check=False, quiet=True)
            raise ContainerError(f"{name} is {state}:\n{logs.stdout}{logs.stderr}")
        time.sleep(0.5)
    raise ContainerError(f"{name} not healthy within {seconds:.0f} s")


def start_proxy(layout: Layout, port: int | None = None) -> None:
    port = port or _free_port()
    config = layout.run_dir / "haproxy.cfg"
    servers = [(name.rsplit("-", 1)[1], published) for name, published in layout.replicas.items()]  # r1, r2
    config.write_text(haproxy_config(f"127.0.0.1:{port}", servers))
    log = layout.run_dir / "haproxy.log"
    print(f"+ {HAPROXY} -db -f {config}", file=sys.stderr, flush=True)
    layout.proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=log.open("w"), stderr=subprocess.STDOUT)
    (layout.run_dir / "haproxy.pid").write_text(str(layout.proxy.pid))
    layout.url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if layout.proxy.poll() is not None:
            raise ContainerError(f"haproxy exited with {layout.proxy.returncode}; see {log}")
        try:
            with urllib.request.urlopen(layout.url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise ContainerError(f"haproxy did not answer within 20 s; see {log}")


def up(
    tag: str,
    prefix: str = PREFIX,
    replicas: int = 2,
    port: int | None = None,
    secrets_file: Path | None = None,
    first: tuple[str, ...] = ("build", "--no-synthetic"),
    inputs: tuple[Path, ...] = (),
) -> Layout:
    """Start a rehearsal: what ``first`` writes (default: an empty database), then the replicas and HAProxy."""
    down(prefix)
    folder = run_dir(prefix)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    layout = Layout(tag, prefix, folder, os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32))
    try:
        podman("network", "create", "--label", f"ita.rehearsal={prefix}", layout.network)
        podman("volume", "create", "--label", f"ita.rehearsal={prefix}", layout.volume)
        write(layout, *first, inputs=inputs)
        names = [start_replica(layout, n, secrets_file) for n in range(1, replicas + 1)]
        for name in names:
            wait_healthy(name)
        start_proxy(layout, port)
    except BaseException:
        down(prefix, layout.proxy)
        raise
    return layout


def prefixes() -> set[str]:
    """The rehearsals that have something on this host (containers or a volume)."""
    label = '{{index .Labels "ita.rehearsal"}}'
    found = podman("ps", "--all", "--filter", "label=ita.rehearsal", "--format", label, quiet=True)
    volumes = podman("volume", "ls", "--filter", "label=ita.rehearsal", "--format", "{{.Name}}", quiet=True)
    return set(found.stdout.split()) | {v.removesuffix("-data") for v in volumes.stdout.split()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.rehearsal", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("up", help="build the image if needed, start everything, serve until Ctrl-C")
    start.add_argument("--port", type=int, default=8501, help="where HAProxy listens on 127.0.0.1")
    start.add_argument("--replicas", type=int, default=2)
    start.add_argument("--secrets", type=Path, help="a secrets.toml with [auth] for every replica")
    start.add_argument("--table", type=Path, help="a result table the writer imports first (default: no data)")
    writer = sub.add_parser("write", help="run the writer once: `write import-table FILE` or `write ingest FILE...`")
    writer.add_argument("arguments", nargs=argparse.REMAINDER)
    sub.add_parser("down", help="remove a rehearsal left running")
    args = parser.parse_args(argv)
    if not image.podman_available():
        print("podman not installed: sudo apt-get install podman runc debootstrap", file=sys.stderr)
        return 2
    try:
        if args.command == "down":
            down()
            return 0
        if args.command == "write":
            # Files named on the command line are mounted at /in/NAME and named so to the command.
            files = tuple(Path(a) for a in args.arguments if Path(a).is_file())
            command = [f"/in/{Path(a).name}" if Path(a).is_file() else a for a in args.arguments]
            layout = Layout(f"{image.IMAGE}:latest", PREFIX, run_dir(PREFIX), "")
            print(write(layout, *command, inputs=files), end="")
            return 0
        tag = image.build_image()
        first = ("import-table", f"/in/{args.table.name}") if args.table else ("build", "--no-synthetic")
        inputs = (args.table,) if args.table else ()
        layout = up(tag, replicas=args.replicas, port=args.port, secrets_file=args.secrets, first=first, inputs=inputs)
    except ContainerError as err:
        print(err, file=sys.stderr)
        return 1
    replicas = ", ".join(f"{name} on 127.0.0.1:{port}" for name, port in layout.replicas.items())
    print(f"serving {layout.url}: {replicas}, behind HAProxy")
    print("another terminal: python -m deploy.rehearsal write import-table FILE.csv   (Ctrl-C here stops all)")
    stopping: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping and layout.proxy is not None and layout.proxy.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        down(layout.prefix, layout.proxy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
