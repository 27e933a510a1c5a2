"""The year's charts on the 工作台 (Qt Charts: widgets drawn with QPainter, so they show and
save offscreen and on machines without OpenGL, which QtGraphs needs): members by category, age
band, education and title; attendance by month; meetings of each 三融合 tag. Each saves as a
PNG for the year's summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMargins, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGridLayout, QWidget

from dualleader_desktop.services.statistics import YearStatistics

CHART_SIZE = (420, 280)  # as saved, at PRINT_SCALE times the pixels
PRINT_SCALE = 2
SCREEN_MINIMUM = (250, 190)  # three across fit the page at 1093 px (1366 × 768 at 125 %)
TITLES = ("党员类别", "年龄结构", "学历", "职称", "各月出席率", "三融合活动")
SUFFIX = {"各月出席率": "（%）"}  # the months' bars carry no value labels: the axis says


class YearCharts(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.stats: YearStatistics | None = None
        self.views = {title: QChartView() for title in TITLES}
        layout = QGridLayout(self)
        for number, view in enumerate(self.views.values()):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(*SCREEN_MINIMUM)
            layout.addWidget(view, number // 3, number % 3)

    def set_statistics(self, stats: YearStatistics) -> None:
        self.stats = stats
        for title, view in self.views.items():
            old = view.chart()
            view.setChart(self.chart(title))
            old.deleteLater()

    def chart(self, title: str) -> QChart:
        """A new chart of ``title`` for the year shown."""
        stats = self.stats
        if title == "党员类别":
            chart = _pie(stats.categories, "人")
        elif title == "各月出席率":
            rates = [(str(m), round(r * 100) if r is not None else 0) for m, r in stats.attendance]
            chart = _bars(rates, "%", top=100, across=False)
        else:
            counts = {"年龄结构": stats.age_bands, "学历": stats.education, "职称": stats.titles}
            chart = _bars(counts.get(title, stats.tags), "次" if title == "三融合活动" else "人")
        chart.setTitle(f"{stats.year}年{title}{SUFFIX.get(title, '')}")
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setVisible(False)
        return chart

    def images(self) -> list[tuple[str, QImage]]:
        """Each chart (its title, its picture) laid out at CHART_SIZE whatever its size on
        screen, drawn at PRINT_SCALE times the pixels (sharp in print), on white."""
        drawn = []
        width, height = (PRINT_SCALE * side for side in CHART_SIZE)
        for title in TITLES:
            # in a scene of its own, not a view: a view lays its chart out only when shown
            scene = QGraphicsScene()
            chart = self.chart(title)
            scene.addItem(chart)
            chart.resize(*CHART_SIZE)
            image = QImage(width, height, QImage.Format.Format_RGB32)  # no alpha (PDF/A)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scene.render(painter, QRectF(image.rect()), QRectF(0, 0, *CHART_SIZE))
            painter.end()
            scene.deleteLater()
            drawn.append((f"{self.stats.year}年{title}", image))
        return drawn

    def save_pngs(self, folder: Path) -> list[Path]:
        """Each chart as ``<year>年<title>.png`` in ``folder``."""
        saved = []
        for name, image in self.images():
            path = Path(folder) / f"{name}.png"
            if not image.save(str(path)):
                raise OSError(f"无法写入“{path}”")
            saved.append(path)
        return saved

    def png_bytes(self) -> list[tuple[str, bytes]]:
        """Each chart's title and PNG bytes (for the year's summary)."""
        found = []
        for name, image in self.images():
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            found.append((name, bytes(buffer.data())))
        return found


def _pie(counts: list[tuple[str, int]], unit: str) -> QChart:
    chart = QChart()
    series = QPieSeries()
    for label, count in counts:
        if count:
            piece = series.append(f"{label} {count}{unit}", count)
            piece.setLabelVisible(True)
    chart.addSeries(series)
    return chart


def _bars(
    counts: list[tuple[str, int]], unit: str, *, top: int | None = None, across: bool = True
) -> QChart:
    """Bars of ``counts``: across the chart (labels beside them, room for 高级工程师 or
    融入产教融合), or up from the bottom with their values hidden (twelve months)."""
    chart = QChart()
    ordered = counts[::-1] if across else counts  # across, the axis counts from the bottom
    values = QBarSet(unit)
    values.append([count for _, count in ordered])
    series = QHorizontalBarSeries() if across else QBarSeries()
    series.append(values)
    series.setLabelsVisible(across)
    series.setLabelsFormat(f"@value{unit}")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([label for label, _ in ordered])
    scale = QValueAxis()
    scale.setRange(0, top or max([1, *(count for _, count in counts)]) * 1.25)
    scale.setLabelFormat("%d")
    if top is None:
        scale.applyNiceNumbers()
    for axis, side in (
        (categories, Qt.AlignmentFlag.AlignLeft if across else Qt.AlignmentFlag.AlignBottom),
        (scale, Qt.AlignmentFlag.AlignBottom if across else Qt.AlignmentFlag.AlignLeft),
    ):
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    return chart
