"""Running the dashboard as containers: the image (``image``) and a rehearsal of serving over several machines
on one (``rehearsal``). Standard library and podman only; nothing in ``ita_data`` or ``pages`` imports it."""
