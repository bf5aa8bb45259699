"""What a change that moves nothing but one table sends (``loadtest --walk table-changes``): one tab
opens a page for the nation and for a province and flips a switch that only that page's table reads,
the way an officer does, and prints the bytes that crossed the socket for the flip (compressed as
sent), the messages behind them and the elements the server sent as references the tab already held.
Target (issue 26): ≤ 40 KB on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_data.streamlit_tab import Browser, ProtocolError, Tab

# (page, the switch's key, the value it is flipped to): switches that change one table and nothing else
SWITCHES = (
    ("measures", "m_uncovered", False),  # weak indicators: those without a measure only, or all
    ("organization", "sources_all", True),  # the profile's sources: every source, or those still counted
)


@dataclass
class Flip:
    page: str
    place: str
    switch: str
    wire_kb: float
    message_kb: float
    references: int
    seconds: float
    error: str | None = None


async def flips(base_url: str, province: str | None = None) -> list[Flip]:
    """Each switch flipped once for the nation and once for ``province`` (by default the sidebar's first)."""
    if province is None:
        tab = Tab(Browser(base_url))
        try:
            await tab.open("")
            widget = tab.widget("province")
            options = list(widget.proto.options) if widget is not None else []
            province = options[1] if len(options) > 1 else None
        finally:
            await tab.close()
    done: list[Flip] = []
    for page, key, value in SWITCHES:
        for place in (None, province) if province else (None,):
            name = place or "ทั้งประเทศ"
            tab = Tab(Browser(base_url))
            try:
                first = await tab.open(page, {"province": place} if place else {})
                switch = tab.widget(key)
                if first.errors or switch is None:
                    raise ProtocolError(first.errors[0] if first.errors else f"no {key} switch on {page}")
                run = await tab.set_widget(switch, bool_value=value)
                error = run.errors[0] if run.errors else None
                done.append(
                    Flip(
                        page,
                        name,
                        key,
                        run.wire_bytes / 1024,
                        run.bytes_received / 1024,
                        run.references,
                        run.seconds,
                        error,
                    )
                )
            except Exception as err:  # noqa: BLE001 - reported, not raised: the other flips still run
                done.append(Flip(page, name, key, 0.0, 0.0, 0, 0.0, f"{type(err).__name__}: {err}"))
            finally:
                await tab.close()
    return done


def report(done: list[Flip]) -> str:
    lines = [f"{'page':<14}{'place':<16}{'switch':<14}{'wire KB':>9}{'msg KB':>9}{'refs':>6}{'s':>7}  error"]
    for f in done:
        lines.append(
            f"{f.page:<14}{f.place:<16}{f.switch:<14}{f.wire_kb:>9.1f}{f.message_kb:>9.1f}{f.references:>6}"
            f"{f.seconds:>7.2f}  {f.error or ''}"
        )
    return "\n".join(lines)
