#include "bar_chart.hpp"

#include <algorithm>
#include <cmath>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace fieldseal::gui {
namespace {

constexpr int kMargin = 6;
constexpr int kGap = 8;
constexpr int kTitleGap = 6;
constexpr double kColumnFill = 0.7;  // share of a column's slot its bar takes
constexpr int kMinRowsWidth = 320;
constexpr int kElideSlack = 2;

QString number(qint64 value) { return QLocale().toString(value); }

}  // namespace

BarChart::BarChart(Layout layout, QWidget* parent) : QWidget(parent), layout_(layout) {
  setFocusPolicy(Qt::StrongFocus);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setMouseTracking(false);
}

void BarChart::set_title(const QString& title) {
  title_ = title;
  setAccessibleName(title);
  update();
}

void BarChart::set_empty_text(const QString& text) {
  empty_text_ = text;
  update();
}

void BarChart::set_bars(QVector<Bar> bars) {
  bars_ = std::move(bars);
  max_ = 0;
  for (const auto& b : bars_) max_ = std::max(max_, b.value);
  current_ = bars_.isEmpty() ? -1 : std::min<int>(std::max(current_, 0), int(bars_.size()) - 1);
  if (bars_.isEmpty()) current_ = -1;
  update_description();
  updateGeometry();
  update();
}

void BarChart::clear() { set_bars({}); }

void BarChart::set_current(int index) {
  if (bars_.isEmpty()) return;
  index = std::clamp(index, 0, int(bars_.size()) - 1);
  if (index == current_) return;
  current_ = index;
  update_description();
  update();
  emit current_changed(index);
}

QString BarChart::bar_text(int index) const {
  const Bar& b = bars_[index];
  return tr("%1: %2").arg(b.label, number(b.value));
}

QString BarChart::as_text() const {
  QStringList lines;
  for (int i = 0; i < bars_.size(); ++i) lines << bar_text(i);
  return lines.join(QLatin1Char('\n'));
}

void BarChart::update_description() {
  if (bars_.isEmpty()) {
    setAccessibleDescription(empty_text_);
    return;
  }
  QString text = as_text();
  if (current_ >= 0) text = bar_text(current_) + QLatin1Char('\n') + text;
  setAccessibleDescription(text);
}

QRect BarChart::plot_rect() const {
  const int title_h = fontMetrics().height() + kTitleGap;
  QRect r = rect().adjusted(kMargin, kMargin + title_h, -kMargin, -kMargin);
  if (layout_ == Layout::columns) {
    r.adjust(0, fontMetrics().height() + 2, 0, -(fontMetrics().height() + kTitleGap));
  }
  return r;
}

int BarChart::label_width() const {
  int widest = 0;
  for (const auto& b : bars_) widest = std::max(widest, fontMetrics().horizontalAdvance(b.label));
  // elidedText measures with fractional advances: leave it a pixel or two.
  return std::min(widest + kElideSlack, plot_rect().width() * kMaxLabelWidthPercent / 100);
}

QRect BarChart::bar_rect(int index) const {
  const QRect plot = plot_rect();
  if (bars_.isEmpty()) return {};
  const double share = max_ > 0 ? double(bars_[index].value) / double(max_) : 0.0;
  if (layout_ == Layout::rows) {
    const int value_w = fontMetrics().horizontalAdvance(number(max_)) + kGap;
    const int left = plot.left() + label_width() + kGap;
    const int avail = std::max(1, plot.right() - left - value_w);
    const int top = plot.top() + index * kRowHeight + 3;
    return {left, top, std::max(share > 0 ? 2 : 0, int(std::lround(share * avail))), kRowHeight - 6};
  }
  const double slot = double(plot.width()) / double(bars_.size());
  const int width = std::max(1, int(slot * kColumnFill));
  const int height = std::max(share > 0 ? 2 : 0, int(std::lround(share * plot.height())));
  const int x = plot.left() + int(slot * index + (slot - width) / 2);
  return {x, plot.bottom() - height + 1, width, height};
}

int BarChart::bar_at(const QPoint& pos) const {
  const QRect plot = plot_rect();
  if (bars_.isEmpty()) return -1;
  if (layout_ == Layout::rows) {
    if (pos.y() < plot.top() || pos.x() < plot.left() || pos.x() > plot.right()) return -1;
    const int index = (pos.y() - plot.top()) / kRowHeight;
    return index < bars_.size() ? index : -1;
  }
  if (pos.x() < plot.left() || pos.x() > plot.right() || pos.y() < rect().top() ||
      pos.y() > rect().bottom()) {
    return -1;
  }
  const double slot = double(plot.width()) / double(bars_.size());
  const int index = int((pos.x() - plot.left()) / slot);
  return index >= 0 && index < bars_.size() ? index : -1;
}

QSize BarChart::sizeHint() const {
  const int title_h = fontMetrics().height() + kTitleGap + 2 * kMargin;
  if (layout_ == Layout::columns) return {std::max(kMinRowsWidth, int(bars_.size()) * 28), kColumnsHeight};
  return {kMinRowsWidth * 3 / 2, title_h + std::max<int>(1, int(bars_.size())) * kRowHeight};
}

QSize BarChart::minimumSizeHint() const {
  const QSize hint = sizeHint();
  return {kMinRowsWidth / 2, hint.height()};
}

void BarChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, false);
  const QPalette& pal = palette();
  const QFontMetrics fm = fontMetrics();
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  p.setPen(pal.color(QPalette::WindowText));
  p.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
             QFontMetrics(bold).elidedText(title_, Qt::ElideRight, width() - 2 * kMargin));
  p.setFont(font());
  const QRect plot = plot_rect();
  if (bars_.isEmpty()) {
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, empty_text_);
    return;
  }
  const QColor bar_color = pal.color(QPalette::Highlight);
  QColor muted_color = pal.color(QPalette::Mid);
  for (int i = 0; i < bars_.size(); ++i) {
    const QRect r = bar_rect(i);
    p.fillRect(r, bars_[i].muted ? muted_color : bar_color);
    const QString value = number(bars_[i].value);
    p.setPen(pal.color(QPalette::WindowText));
    if (layout_ == Layout::rows) {
      const int top = plot.top() + i * kRowHeight;
      const QRect label_rect(plot.left(), top, label_width(), kRowHeight);
      p.drawText(label_rect, Qt::AlignLeft | Qt::AlignVCenter,
                 fm.elidedText(bars_[i].label, Qt::ElideRight, label_rect.width()));
      p.drawText(QRect(r.right() + kGap / 2, top, fm.horizontalAdvance(value) + kGap, kRowHeight),
                 Qt::AlignLeft | Qt::AlignVCenter, value);
      if (i == current_ && hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        p.drawRect(QRect(plot.left(), top, plot.width() - 1, kRowHeight - 1));
      }
    }
  }
  if (layout_ == Layout::columns) {
    const double slot = double(plot.width()) / double(bars_.size());
    int widest = 0;
    for (const auto& b : bars_) widest = std::max(widest, fm.horizontalAdvance(b.label));
    const int step = std::max(1, int(std::ceil(double(widest + kGap) / std::max(1.0, slot))));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1);
    p.setPen(pal.color(QPalette::WindowText));
    const bool values_fit = fm.horizontalAdvance(number(max_)) <= int(slot);
    for (int i = 0; i < bars_.size(); ++i) {
      const QRect r = bar_rect(i);
      const int center = plot.left() + int(slot * i + slot / 2);
      if (values_fit && bars_[i].value > 0) {
        p.drawText(QRect(center - int(slot / 2), r.top() - fm.height() - 1, int(slot), fm.height()),
                   Qt::AlignHCenter | Qt::AlignBottom, number(bars_[i].value));
      }
      if (i % step == 0) {
        const int w = int(slot * step);
        p.drawText(QRect(center - w / 2, plot.bottom() + 4, w, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   fm.elidedText(bars_[i].label, Qt::ElideRight, w));
      }
      if (i == current_ && hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        p.drawRect(QRect(plot.left() + int(slot * i), plot.top(), std::max(1, int(slot) - 1), plot.height()));
        p.setPen(pal.color(QPalette::WindowText));
      }
    }
  }
}

bool BarChart::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int index = bar_at(help->pos());
    if (index >= 0) {
      QToolTip::showText(help->globalPos(), bar_text(index), this);
    } else {
      QToolTip::hideText();
      event->ignore();
    }
    return true;
  }
  return QWidget::event(event);
}

void BarChart::keyPressEvent(QKeyEvent* event) {
  if (bars_.isEmpty()) {
    QWidget::keyPressEvent(event);
    return;
  }
  const int page = layout_ == Layout::rows ? std::max(1, height() / kRowHeight) : 12;
  switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up: set_current(current_ - 1); break;
    case Qt::Key_Right:
    case Qt::Key_Down: set_current(current_ + 1); break;
    case Qt::Key_PageUp: set_current(current_ - page); break;
    case Qt::Key_PageDown: set_current(current_ + page); break;
    case Qt::Key_Home: set_current(0); break;
    case Qt::Key_End: set_current(int(bars_.size()) - 1); break;
    default: QWidget::keyPressEvent(event); return;
  }
  if (current_ >= 0) {
    const QRect r = bar_rect(current_);
    QToolTip::showText(mapToGlobal(r.center()), bar_text(current_), this);
  }
}

void BarChart::mousePressEvent(QMouseEvent* event) {
  const int index = bar_at(event->pos());
  if (index >= 0) set_current(index);
  QWidget::mousePressEvent(event);
}

}  // namespace fieldseal::gui
