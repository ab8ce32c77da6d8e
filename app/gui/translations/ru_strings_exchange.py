# Russian for the researcher's exchange screens (ExportDialog,
# ReceiptImportDialog, FieldExchange), written by hand. Terms as in
# ru_strings.py: HQ = офис, report = отчёт, vault = хранилище, purge =
# стереть содержимое, receipt = квитанция, bundle = пакет.
RU = {
    # ExportDialog
    "Export reports to HQ": "Выгрузка отчётов для офиса",
    "HQ recipients": "Получатели в офисе",
    "HQ &recipients (the bundle opens only with their keys):":
        "Пол&учатели в офисе (пакет откроется только их ключами):",
    "Report": "Отчёт",
    "Reports to export": "Отчёты для выгрузки",
    "Re&ports (ticked: not yet confirmed by HQ):":
        "О&тчёты (отмечены те, получение которых офис ещё не подтвердил):",
    "Tick &all": "Отметить вс&е",
    "Tick &none": "&Снять все отметки",
    "Tick all reports": "Отметить все отчёты",
    "Tick no report": "Снять отметки со всех отчётов",
    "Destination": "Куда записать",
    "&Destination:": "&Куда записать:",
    "No removable drive found: choose a folder": "Съёмный диск не найден: выберите папку",
    "Other &folder…": "Другая &папка…",
    "Choose another folder": "Выбрать другую папку",
    "%1 — %2 free (%3)": "%1 — свободно %2 (%3)",
    "Folder for the bundle": "Папка для пакета",
    "&Split for:": "&Разбить для:",
    "Split into parts": "Разбиение на части",
    "One file (no split)": "Один файл (без разбиения)",
    "Signal: parts of 95 MiB (limit 100 MB)": "Signal: части по 95 МиБ (предел 100 МБ)",
    "Telegram: parts of 1900 MiB (limit 2 GB)": "Telegram: части по 1900 МиБ (предел 2 ГБ)",
    "E-mail: parts of 20 MiB": "Электронная почта: части по 20 МиБ",
    "Custom part size": "Свой размер части",
    " MiB": " МиБ",
    "Custom part size in MiB": "Свой размер части в МиБ",
    "ASCII ar&mor (for channels that accept only text)":
        "Текстовый ви&д ASCII (для каналов, которые принимают только текст)",
    "ASCII armor": "Текстовый вид ASCII",
    "Export progress": "Ход выгрузки",
    "Export status": "Состояние выгрузки",
    "What was written": "Что записано",
    "&Export": "&Выгрузить",
    "Export": "Выгрузить",
    "Cancel the export": "Отменить выгрузку",
    "&Close": "&Закрыть",
    "Close": "Закрыть",
    "unknown": "неизвестна",
    "There is no HQ contact yet: import HQ's card first.":
        "Контакта офиса ещё нет: сначала импортируйте карточку офиса.",
    "There is no final report to export. Finalize a report first.":
        "Нет завершённых отчётов для выгрузки. Сначала завершите отчёт.",
    "The destination folder does not exist (was the drive removed?).":
        "Папки назначения нет (диск извлечён?).",
    "Sealing the reports…": "Запечатываем отчёты…",
    "Sealing the reports… %1 of %2": "Запечатываем отчёты… %1 из %2",
    "Cancelling…": "Отмена…",
    "Export cancelled: no file was left and no report changed.":
        "Выгрузка отменена: файлов не осталось, ни один отчёт не изменился.",
    "The export failed: %1 No file was left and no report changed.":
        "Выгрузка не удалась: %1 Файлов не осталось, ни один отчёт не изменился.",
    "Sealed %n report(s) for %1.": (
        "Запечатан %n отчёт для: %1.",
        "Запечатано %n отчёта для: %1.",
        "Запечатано %n отчётов для: %1.",
    ),
    "Written to %1 (bundle of %2):": "Записано в %1 (пакет размером %2):",
    "  %1 — %2": "  %1 — %2",
    "  %1 — %2 (part %3 of %4)": "  %1 — %2 (часть %3 из %4)",
    "Next: carry or send this file to HQ by any channel.":
        "Дальше: отвезите или отправьте этот файл в офис любым способом.",
    "Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.": (
        "Дальше: отвезите или отправьте в офис любым способом все файлы (%n); офису нужна "
        "каждая часть, порядок не важен.",
        "Дальше: отвезите или отправьте в офис любым способом все %n файла; офису нужна "
        "каждая часть, порядок не важен.",
        "Дальше: отвезите или отправьте в офис любым способом все %n файлов; офису нужна "
        "каждая часть, порядок не важен.",
    ),
    "The reports count as delivered only when HQ's receipt has been imported here (Exchange → Import receipt…). Do not purge them before that.":
        "Отчёты считаются доставленными только после того, как здесь импортирована квитанция "
        "офиса (Обмен → Импортировать квитанцию…). До этого не стирайте их.",
    "Export finished.": "Выгрузка завершена.",
    # ReceiptImportDialog
    "Import HQ's receipts": "Импорт квитанций офиса",
    "A receipt is a file HQ sends back once it holds your reports. Importing it marks those reports delivered; only delivered reports can be purged.":
        "Квитанция — это файл, который офис присылает, когда ваши отчёты у него. Импорт "
        "квитанции отмечает эти отчёты доставленными; стереть можно только доставленные отчёты.",
    "File": "Файл",
    "Result": "Результат",
    "Receipt files and results": "Файлы квитанций и результаты",
    "Receipt &files:": "&Файлы квитанций:",
    "&Add file…": "&Добавить файл…",
    "&Remove": "&Убрать",
    "&Import": "&Импортировать",
    "Add a receipt file": "Добавить файл квитанции",
    "Remove the selected file": "Убрать выбранный файл",
    "Import the receipts": "Импортировать квитанции",
    "Receipt import status": "Состояние импорта квитанций",
    "HQ's receipt": "Квитанция офиса",
    "Checking the receipts…": "Проверяем квитанции…",
    "Rejected: %1 Nothing was changed.": "Отклонена: %1 Ничего не изменилось.",
    "%n report(s) newly delivered": (
        "%n отчёт теперь доставлен",
        "%n отчёта теперь доставлены",
        "%n отчётов теперь доставлены",
    ),
    "%n already delivered": (
        "%n уже был доставлен",
        "%n уже были доставлены",
        "%n уже были доставлены",
    ),
    "%n not exported from here (ignored)": (
        "%n не выгружался отсюда (пропущен)",
        "%n не выгружались отсюда (пропущены)",
        "%n не выгружались отсюда (пропущены)",
    ),
    "%n purged at once (purge on receipt)": (
        "%n стёрт сразу (стирание по квитанции)",
        "%n стёрты сразу (стирание по квитанции)",
        "%n стёрты сразу (стирание по квитанции)",
    ),
    "Receipt from %1: %2.": "Квитанция от %1: %2.",
    "Done.": "Готово.",
    "%n receipt(s) rejected; the others were applied.": (
        "%n квитанция отклонена; остальные применены.",
        "%n квитанции отклонены; остальные применены.",
        "%n квитанций отклонено; остальные применены.",
    ),
    # FieldExchange: purge delivered
    "Purge delivered reports": "Стереть доставленные отчёты",
    "No report is waiting to be purged: HQ's receipts have not confirmed any report that is still here.":
        "Стирать нечего: квитанции офиса не подтвердили ни одного отчёта, который ещё здесь.",
    "Purge %n delivered report(s)?": (
        "Стереть содержимое %n доставленного отчёта?",
        "Стереть содержимое %n доставленных отчётов?",
        "Стереть содержимое %n доставленных отчётов?",
    ),
    "HQ's receipts confirm it holds them. Their content and attachments will be erased from this vault for good; a stub (id, hash, dates, delivery state) and the custody log stay. This cannot be undone.":
        "Квитанции офиса подтверждают, что отчёты у него. Их содержимое и вложения будут "
        "навсегда стёрты из этого хранилища; останутся заглушка (идентификатор, хеш, даты, "
        "состояние передачи) и журнал хранения. Это нельзя отменить.",
    "&Purge %n report(s)": (
        "&Стереть %n отчёт",
        "&Стереть %n отчёта",
        "&Стереть %n отчётов",
    ),
    "The purge failed: %1 Nothing was purged.": "Стереть не удалось: %1 Ничего не стёрто.",
    "Purged %n report(s). Their stubs stay in the list, marked purged.": (
        "Стёрт %n отчёт. Его заглушка остаётся в списке с отметкой «стёрт».",
        "Стёрто %n отчёта. Их заглушки остаются в списке с отметкой «стёрт».",
        "Стёрто %n отчётов. Их заглушки остаются в списке с отметкой «стёрт».",
    ),
}
EN_PLURALS = {
    "Sealed %n report(s) for %1.": ["Sealed %n report for %1.", "Sealed %n reports for %1."],
    "%n report(s) newly delivered": ["%n report newly delivered", "%n reports newly delivered"],
    "%n receipt(s) rejected; the others were applied.": [
        "%n receipt rejected; the others were applied.",
        "%n receipts rejected; the others were applied."],
    "Purge %n delivered report(s)?": ["Purge %n delivered report?", "Purge %n delivered reports?"],
    "&Purge %n report(s)": ["&Purge %n report", "&Purge %n reports"],
    "Purged %n report(s). Their stubs stay in the list, marked purged.": [
        "Purged %n report. Its stub stays in the list, marked purged.",
        "Purged %n reports. Their stubs stay in the list, marked purged."],
    "Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.": [
        "Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.",
        "Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order."],
    "%n already delivered": ["%n already delivered", "%n already delivered"],
    "%n not exported from here (ignored)": ["%n not exported from here (ignored)",
                                             "%n not exported from here (ignored)"],
    "%n purged at once (purge on receipt)": ["%n purged at once (purge on receipt)",
                                              "%n purged at once (purge on receipt)"],
}
