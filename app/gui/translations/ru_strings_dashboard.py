# Russian for HQ's dashboard (DashboardPage, BarChart) and the receipt
# dialog (ReceiptDialog), written by hand. Terms as in ru_strings.py;
# incident = событие (as "Incident date" there), act = нарушение, receipt =
# квитанция, bundle = пакет, researcher = исследователь, sender = отправитель.
RU = {
    # BarChart: "label: value"
    "%1: %2": "%1: %2",
    # DashboardPage
    "Date unknown": "Дата неизвестна",
    "%1 (month unknown)": "%1 (месяц неизвестен)",
    "No act recorded": "Нарушение не указано",
    "No region": "Регион не указан",
    "Written in this vault": "Созданы в этом хранилище",
    "A&pply": "Пр&именить",
    "&Reload": "&Обновить",
    "Show as ta&bles": "В виде &таблиц",
    "Create re&ceipt…": "Создать &квитанцию…",
    "Count only reports with this type of act": "Считать только отчёты с этим видом нарушения",
    "Count only reports from this region": "Считать только отчёты из этого региона",
    "all regions": "все регионы",
    "All senders": "Все отправители",
    "Count only reports from this researcher": "Считать только отчёты этого исследователя",
    "Apply the filters": "Применить фильтры",
    "Reload the statistics": "Заново посчитать статистику",
    "Show the numbers as tables": "Показать числа в виде таблиц",
    "Create a receipt for a researcher": "Создать квитанцию для исследователя",
    "Total": "Всего",
    "Dashboard status": "Состояние сводки",
    "Incidents per month (incident start date)": "События по месяцам (дата начала события)",
    "Incidents per type of act": "События по видам нарушений",
    "Incidents per region": "События по регионам",
    "Incidents per sender": "События по отправителям",
    "No incidents.": "Событий нет.",
    "Charts": "Диаграммы",
    "Month": "Месяц",
    "Incidents": "События",
    "Final reports only. A report with acts of several types counts once for each type.":
        "Учитываются только завершённые отчёты. Отчёт с нарушениями нескольких видов "
        "считается один раз для каждого вида.",
    "Re&gion:": "Ре&гион:",
    "S&ender:": "Отп&равитель:",
    "A date is YYYY, YYYY-MM or YYYY-MM-DD.": "Дата пишется как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.",
    "%n incident(s)": ("%n событие", "%n события", "%n событий"),
    # ReceiptDialog
    "&Text (ASCII armor) for channels that only take text":
        "&Текстовый вид (ASCII) для каналов, которые принимают только текст",
    "&Create receipt": "&Создать квитанцию",
    "Create a receipt": "Создание квитанции",
    "Researcher": "Исследователь",
    "Bundles": "Пакеты",
    "Last received": "Последний получен",
    "Researchers and what was received from each": "Исследователи и что от каждого получено",
    "Destination folder": "Папка назначения",
    "Choose another destination folder": "Выбрать другую папку назначения",
    "Write the receipt as text (ASCII armor)": "Записать квитанцию в текстовом виде (ASCII)",
    "Create the receipt for the selected researcher": "Создать квитанцию для выбранного исследователя",
    "Receipt status": "Состояние квитанции",
    "A receipt tells a researcher which of their reports HQ holds. It is encrypted to the researcher and signed by this vault, so it may travel by any channel.":
        "Квитанция сообщает исследователю, какие из его отчётов есть в офисе. Она зашифрована "
        "для исследователя и подписана этим хранилищем, поэтому её можно передать по любому каналу.",
    "&Researcher:": "&Исследователь:",
    "%1 (removable drive)": "%1 (съёмный диск)",
    "Where to write the receipt": "Куда записать квитанцию",
    "nothing received": "ничего не получено",
    "There are no researchers' cards among the contacts.": "Среди контактов нет карточек исследователей.",
    "Writing the receipt…": "Запись квитанции…",
    "No receipt was written: %1": "Квитанция не записана: %1",
    "Receipt for %1 written to:\n%2": "Квитанция для %1 записана в файл:\n%2",
    "It lists %n report(s)": ("В ней %n отчёт", "В ней %n отчёта", "В ней %n отчётов"),
    "from %n bundle(s).": ("из %n пакета.", "из %n пакетов.", "из %n пакетов."),
    "Give the file to the researcher by any channel. When their vault imports it, those reports are marked delivered there and can then be purged from their laptop.":
        "Передайте файл исследователю по любому каналу. Когда его хранилище импортирует "
        "квитанцию, эти отчёты будут отмечены там как доставленные, и их содержимое можно "
        "будет стереть с его ноутбука.",
}

EN_PLURALS = {
    "%n incident(s)": ["%n incident", "%n incidents"],
    "It lists %n report(s)": ["It lists %n report", "It lists %n reports"],
    "from %n bundle(s).": ["from %n bundle.", "from %n bundles."],
}
