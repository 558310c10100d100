"""Presenter mode's colour themes for a projector (light and dark), and the WCAG contrast ratio
they are checked with (Streamlit-free)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """Colours of one theme. ``marks`` maps an event type to its colour on ``background``."""

    name: str
    background: str
    text: str
    muted: str
    grid: str
    accent: str
    template: str
    marks: dict[str, str]


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb'."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours (1..21).

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    """
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# Okabe & Ito hues, darkened for white and lightened for black where the original is too faint
# for a projector (WCAG 2: marks >= 3:1 against the background, text >= 7:1).
LIGHT = Theme(
    name="light", background="#ffffff", text="#111111", muted="#3d3d3d", grid="#c8c8c8",
    accent="#b3261e", template="plotly_white",
    marks={
        "deal": "#0072B2", "delivery": "#007A5A", "combat_use": "#B34700",
        "visit": "#A15C00", "meeting_call": "#1F6FA8", "agreement": "#A1477A",
        "diplomatic": "#7A6F00", "statement": "#5E5E5E", "statistic": "#111111",
        "conflict": "#B34700", "production": "#007A5A", "other": "#5E5E5E",
    },
)
DARK = Theme(
    name="dark", background="#101010", text="#f5f5f5", muted="#cfcfcf", grid="#4a4a4a",
    accent="#ffd84d", template="plotly_dark",
    marks={
        "deal": "#4FA3E0", "delivery": "#2BC39A", "combat_use": "#FF7A2E",
        "visit": "#F5B21E", "meeting_call": "#7CC8F2", "agreement": "#E397C4",
        "diplomatic": "#F0E442", "statement": "#B5B5B5", "statistic": "#f5f5f5",
        "conflict": "#FF7A2E", "production": "#2BC39A", "other": "#B5B5B5",
    },
)
THEMES_BY_NAME = {"light": LIGHT, "dark": DARK}


def hover_label(theme: Theme) -> dict[str, object]:
    """Plotly ``hoverlabel`` in the theme's text on its background (the contrast of the page's
    own text, ≥ 7:1), outlined in its muted colour. Set on every figure: without it Streamlit
    draws hover text grey on white (#808495, 3.8:1) and Plotly in the mark's colour."""
    return {"bgcolor": theme.background, "bordercolor": theme.muted,
            "font": {"color": theme.text}}


def theme_of(name: str) -> Theme:
    return THEMES_BY_NAME.get(name, LIGHT)
