#pragma once
// When to lock without being asked:
// - idle: no keyboard, mouse, wheel or touch input to the application for the
//   configured time (an application-wide event filter restarts a timer);
// - the application is suspended (QGuiApplication::applicationStateChanged
//   reports Qt::ApplicationSuspended; desktop Linux platforms rarely do);
// - the system is about to sleep (logind's PrepareForSleep on the system
//   D-Bus) or the screen saver / screen lock activates
//   (org.freedesktop.ScreenSaver ActiveChanged on the session bus), where
//   those services exist. Without D-Bus, or with a desktop that does not send
//   these signals, only the idle timer and the shortcut remain.
#include <QObject>
#include <QTimer>

namespace fieldseal::gui {

class LockGuard : public QObject {
  Q_OBJECT
 public:
  explicit LockGuard(QObject* parent = nullptr);
  void set_timeout_ms(int ms);
  [[nodiscard]] int timeout_ms() const { return timer_.interval(); }
  // Starts watching (after unlock) / stops (after lock).
  void arm();
  void disarm();
  [[nodiscard]] bool armed() const { return armed_; }

 signals:
  void lock_requested();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private slots:
  void on_prepare_for_sleep(bool sleeping);
  void on_screensaver(bool active);

 private:
  QTimer timer_;
  bool armed_ = false;
};

}  // namespace fieldseal::gui
