#pragma once
// A small bar chart painted with QPainter (no Qt Charts): a title, one bar per
// (label, value), the value written beside each bar. Two layouts:
//   Columns — bars stand on a horizontal axis in the given order (a time
//             axis: months); labels under the bars, thinned out so that they
//             never overlap; the full label and value are in each bar's
//             tooltip.
//   Rows    — one row per bar, label on the left (elided when long, the
//             full text in the tooltip), bar to its right (categories: act
//             types, regions, senders, whose Russian labels are long).
//
// Accessible: the chart takes keyboard focus; Left/Right or Up/Down (and
// Home/End) move a highlighted current bar, whose "label: value" is the
// widget's accessible description (and the tooltip at that bar), and the
// whole data is available as text through as_text() for a table view. The
// data is the model tests assert on (bars()), not the pixels.
#include <QString>
#include <QVector>
#include <QWidget>

namespace fieldseal::gui {

class BarChart : public QWidget {
  Q_OBJECT
 public:
  enum class Layout { columns, rows };
  struct Bar {
    QString label;
    qint64 value = 0;
    bool muted = false;  // drawn in a paler colour (e.g. "date unknown")
    friend bool operator==(const Bar&, const Bar&) = default;
  };

  static constexpr int kRowHeight = 24;
  static constexpr int kMaxLabelWidthPercent = 45;
  static constexpr int kColumnsHeight = 220;

  explicit BarChart(Layout layout, QWidget* parent = nullptr);

  void set_title(const QString& title);
  [[nodiscard]] const QString& title() const { return title_; }
  void set_bars(QVector<Bar> bars);
  // No bars, no current bar; shows `empty_text` (set_empty_text) instead.
  void clear();
  void set_empty_text(const QString& text);

  [[nodiscard]] const QVector<Bar>& bars() const { return bars_; }
  [[nodiscard]] int current() const { return current_; }  // -1: none
  void set_current(int index);
  // "label: value" lines, one per bar.
  [[nodiscard]] QString as_text() const;
  // The bar under `pos`, or -1.
  [[nodiscard]] int bar_at(const QPoint& pos) const;

  [[nodiscard]] QSize sizeHint() const override;
  [[nodiscard]] QSize minimumSizeHint() const override;

 signals:
  void current_changed(int index);

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  [[nodiscard]] QRect plot_rect() const;
  [[nodiscard]] QRect bar_rect(int index) const;
  [[nodiscard]] int label_width() const;
  [[nodiscard]] QString bar_text(int index) const;
  void update_description();

  Layout layout_;
  QString title_;
  QString empty_text_;
  QVector<Bar> bars_;
  qint64 max_ = 0;
  int current_ = -1;
};

}  // namespace fieldseal::gui
