#include "lock_guard.hpp"

#include <QDBusConnection>
#include <QEvent>
#include <QGuiApplication>

namespace fieldseal::gui {

LockGuard::LockGuard(QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  connect(&timer_, &QTimer::timeout, this, [this]() {
    if (armed_) emit lock_requested();
  });
  qApp->installEventFilter(this);
  connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState s) {
    if (armed_ && s == Qt::ApplicationSuspended) emit lock_requested();
  });
  QDBusConnection system = QDBusConnection::systemBus();
  if (system.isConnected())
    system.connect(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                   QStringLiteral("org.freedesktop.login1.Manager"),
                   QStringLiteral("PrepareForSleep"), this, SLOT(on_prepare_for_sleep(bool)));
  // Only an existing session bus: with no address libdbus would try to
  // autolaunch one (and write under $HOME).
  if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) return;
  QDBusConnection session = QDBusConnection::sessionBus();
  if (session.isConnected())
    session.connect(QStringLiteral("org.freedesktop.ScreenSaver"),
                    QStringLiteral("/org/freedesktop/ScreenSaver"),
                    QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"),
                    this, SLOT(on_screensaver(bool)));
}

void LockGuard::set_timeout_ms(int ms) {
  timer_.setInterval(ms);
  if (armed_) timer_.start();
}

void LockGuard::arm() {
  armed_ = true;
  timer_.start();
}

void LockGuard::disarm() {
  armed_ = false;
  timer_.stop();
}

bool LockGuard::eventFilter(QObject* watched, QEvent* event) {
  if (armed_) {
    switch (event->type()) {
      case QEvent::KeyPress:
      case QEvent::MouseButtonPress:
      case QEvent::MouseMove:
      case QEvent::Wheel:
      case QEvent::TouchBegin:
      case QEvent::TouchUpdate:
        timer_.start();
        break;
      default:
        break;
    }
  }
  return QObject::eventFilter(watched, event);
}

void LockGuard::on_prepare_for_sleep(bool sleeping) {
  if (armed_ && sleeping) emit lock_requested();
}

void LockGuard::on_screensaver(bool active) {
  if (armed_ && active) emit lock_requested();
}

}  // namespace fieldseal::gui
