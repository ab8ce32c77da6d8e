# Russian for HQ's import page, quarantine review and the transport error
# sentences (TransportMessages), written by hand. Terms as in ru_strings.py;
# bundle = пакет; split bundle = разделённый пакет, part = часть; quarantine =
# карантин; signing key = ключ подписи; sender = отправитель. Accelerators
# avoid the main window's menus (&Хранилище, &Обмен, &Переход).
RU = {
    # TransportMessages
    "The request is not valid.": "Некорректный запрос.",
    "A file could not be read.": "Не удалось прочитать файл.",
    "A file could not be written (disk full or no permission?).":
        "Не удалось записать файл (диск заполнен или нет прав?).",
    "The compression or archive library failed unexpectedly.":
        "Неожиданный сбой библиотеки сжатия или архивации.",
    "The file is not encrypted to this vault's key (not for us, or not a bundle).":
        "Файл зашифрован не для ключа этого хранилища (он не нам или это не пакет).",
    "The file is not a valid encrypted bundle (malformed header).":
        "Файл не является корректным зашифрованным пакетом (испорчен заголовок).",
    "The bundle is damaged or was altered (authentication failed).":
        "Пакет повреждён или изменён (проверка подлинности не пройдена).",
    "The bundle is incomplete (the file ends early).":
        "Пакет неполный (файл обрывается раньше времени).",
    "Unexpected data follows the end of the bundle.": "После конца пакета есть лишние данные.",
    "The bundle's compressed content is malformed.": "Сжатое содержимое пакета испорчено.",
    "The bundle unpacks beyond the size limit (refused as a possible attack).":
        "При распаковке пакет превышает допустимый размер (отклонён как возможная атака).",
    "The archive inside the bundle is malformed.": "Архив внутри пакета испорчен.",
    "The archive inside the bundle holds a link, folder or device (refused).":
        "Архив внутри пакета содержит ссылку, папку или устройство (отклонён).",
    "The archive inside the bundle holds a forbidden file name (refused).":
        "Архив внутри пакета содержит недопустимое имя файла (отклонён).",
    "The archive inside the bundle holds a file twice.": "Архив внутри пакета содержит один файл дважды.",
    "The bundle exceeds a size limit (refused).": "Пакет превышает ограничение размера (отклонён).",
    "The bundle's list of contents is missing or malformed.":
        "Опись содержимого пакета отсутствует или испорчена.",
    "The bundle uses a format version this program does not know.":
        "Пакет записан в версии формата, которую эта программа не знает.",
    "The bundle's content does not match its signed list of contents (altered).":
        "Содержимое пакета не совпадает с подписанной описью (пакет изменён).",
    "The bundle's signature does not verify (altered or forged).":
        "Подпись пакета не прошла проверку (пакет изменён или подделан).",
    "The bundle was re-encrypted by someone else for other recipients (refused).":
        "Пакет кто-то перешифровал для других получателей (отклонён).",
    "A part of a split bundle is malformed.": "Часть разделённого пакета испорчена.",
    "A part of the split bundle is missing.": "Не хватает части разделённого пакета.",
    "A part of the split bundle was given twice.": "Часть разделённого пакета передана дважды.",
    "The parts belong to different bundles.": "Части относятся к разным пакетам.",
    "A part of the split bundle is damaged.": "Часть разделённого пакета повреждена.",
    "The joined parts do not match the bundle (altered).":
        "Собранные части не совпадают с пакетом (изменены).",
    "The part size is too small.": "Размер части слишком мал.",
    "Too many parts.": "Слишком много частей.",
    "The receipt is malformed.": "Квитанция испорчена.",
    "The receipt's signature does not verify.": "Подпись квитанции не прошла проверку.",
    "There is no contact of that name and role.": "Нет контакта с таким именем и ролью.",
    "There is no final report to export.": "Нет завершённых отчётов для экспорта.",
    "A chosen report is unknown, not final or purged.":
        "Один из выбранных отчётов неизвестен, не завершён или стёрт.",
    "The written bundle did not read back as written; nothing was recorded.":
        "Записанный пакет не совпал при обратном чтении; ничего не отмечено.",
    "Cancelled.": "Отменено.",
    "The vault could not be read or written.": "Не удалось прочитать или изменить хранилище.",
    "The bundle's sender is not a contact.": "Отправителя пакета нет среди контактов.",
    "The bundle is older than bundles already imported from its sender (possible replay).":
        "Пакет старше уже принятых пакетов этого отправителя (возможен повтор старого пакета).",
    "A report, amendment or custody log in the bundle does not verify.":
        "Отчёт, поправка или журнал хранения в пакете не прошли проверку.",
    "A report in the bundle differs from the copy already held.":
        "Отчёт в пакете отличается от уже имеющейся копии.",
    "The quarantined bundle is no longer there.": "Этого пакета в карантине уже нет.",
    "Nothing has been received from this researcher.": "От этого исследователя ещё ничего не получено.",
    "The receipt is not signed by a known HQ contact.":
        "Квитанция подписана не известным контактом офиса.",
    "The receipt is addressed to another researcher.": "Квитанция адресована другому исследователю.",
    "Unknown error.": "Неизвестная ошибка.",
    "Part %1 of %2 is missing.": "Не хватает части %1 из %2.",
    "Part %1 of %2 was given twice.": "Часть %1 из %2 передана дважды.",
    "Part %1 of %2 is damaged.": "Часть %1 из %2 повреждена.",
    "Part %1 of %2 belongs to another bundle or is inconsistent.":
        "Часть %1 из %2 относится к другому пакету или не согласуется с остальными.",
    "Part %1 of %2: %3": "Часть %1 из %2: %3",
    # Import results (ImportResultsModel)
    "Sender": "Отправитель",
    "Reports": "Отчёты",
    "Files": "Файлы",
    "Details": "Подробности",
    "Imported": "Принят",
    "Duplicate": "Повтор",
    "Quarantined": "В карантине",
    "Rejected": "Отклонён",
    "Parts missing": "Не хватает частей",
    "Not a contact (key %1…)": "Не контакт (ключ %1…)",
    "Unknown": "Неизвестно",
    "%n new report(s); attachments: %1; the sender's bundle no. %2.": (
        "%n новый отчёт; вложений: %1; пакет отправителя № %2.",
        "%n новых отчёта; вложений: %1; пакет отправителя № %2.",
        "%n новых отчётов; вложений: %1; пакет отправителя № %2."),
    "%n new report(s); the sender's bundle no. %1.": (
        "%n новый отчёт; пакет отправителя № %1.",
        "%n новых отчёта; пакет отправителя № %1.",
        "%n новых отчётов; пакет отправителя № %1."),
    "%n report(s) were already held.": (
        "%n отчёт уже был в хранилище.",
        "%n отчёта уже были в хранилище.",
        "%n отчётов уже были в хранилище."),
    "Already in quarantine; nothing changed.": "Уже в карантине; ничего не изменилось.",
    "Imported before; nothing changed.": "Уже принят ранее; ничего не изменилось.",
    "Signed correctly, but the sender is not a contact. Review it on the Quarantine page.":
        "Подпись верна, но отправителя нет среди контактов. Проверьте пакет на странице «Карантин».",
    "Possibly lost: bundle %1 from %2 never arrived. Ask the sender to export again.":
        "Возможно, потерян пакет № %1 от отправителя %2: он не пришёл. Попросите отправителя "
        "выполнить экспорт ещё раз.",
    "Possibly lost: bundles %1 to %2 from %3 never arrived. Ask the sender to export again.":
        "Возможно, потеряны пакеты № %1–%2 от отправителя %3: они не пришли. Попросите "
        "отправителя выполнить экспорт ещё раз.",
    # HqImportPage
    "Add &file…": "Добавить &файл…",
    "Add fol&der…": "Добавить п&апку…",
    "C&lear results": "О&чистить результаты",
    "C&ancel import": "О&тменить импорт",
    "Drop bundle files or folders here, or add them with the buttons. The parts of a split bundle must be imported together: drop them at once, or add their folder.":
        "Перетащите сюда файлы пакетов или папки либо добавьте их кнопками. Части разделённого "
        "пакета нужно импортировать вместе: перетащите их все сразу или добавьте их папку.",
    "Drop area for bundle files and folders": "Область для перетаскивания файлов и папок с пакетами",
    "Add a bundle file": "Добавить файл пакета",
    "Add a folder of bundle files": "Добавить папку с файлами пакетов",
    "Clear the import results": "Очистить результаты импорта",
    "Cancel the import": "Отменить импорт",
    "Import progress": "Ход импорта",
    "Import status": "Состояние импорта",
    "Import results": "Результаты импорта",
    "&Possibly lost bundles (gaps in a sender's numbering):":
        "&Возможно, потерянные пакеты (пропуски в нумерации отправителя):",
    "Possibly lost bundles": "Возможно, потерянные пакеты",
    "Cancelling…": "Отмена…",
    "Unlock the vault first.": "Сначала разблокируйте хранилище.",
    "Importing… (more files wait for their turn)": "Импорт… (остальные файлы ждут своей очереди)",
    "Importing…": "Импорт…",
    "Nothing was imported: %1": "Ничего не импортировано: %1",
    "Import finished: %n bundle(s).": (
        "Импорт завершён: %n пакет.",
        "Импорт завершён: %n пакета.",
        "Импорт завершён: %n пакетов."),
    "%n bundle(s) not imported; they changed nothing. The table says why.": (
        "%n пакет не принят и ничего не изменил. Причина указана в таблице.",
        "%n пакета не приняты и ничего не изменили. Причины указаны в таблице.",
        "%n пакетов не приняты и ничего не изменили. Причины указаны в таблице."),
    "%n bundle(s) held in quarantine.": (
        "%n пакет помещён в карантин.",
        "%n пакета помещены в карантин.",
        "%n пакетов помещены в карантин."),
    "None: every sender's bundles arrived in sequence.":
        "Нет: пакеты каждого отправителя пришли без пропусков.",
    "Choose a bundle file to import": "Выберите файл пакета для импорта",
    "Choose a folder of bundle files": "Выберите папку с файлами пакетов",
    # QuarantinePage
    "&Load sender's card…": "&Загрузить карточку отправителя…",
    "I &compared the safety number with the researcher (in person or by phone) and every digit matches":
        "Я с&верил код безопасности с исследователем (лично или по телефону), все цифры совпадают",
    "&Accept": "При&нять",
    "&Drop…": "&Удалить…",
    "Received": "Получен",
    "Size": "Размер",
    "Sender's signing key": "Ключ подписи отправителя",
    "Quarantined bundles": "Пакеты в карантине",
    "Held bundle": "Пакет в карантине",
    "Sender's card": "Карточка отправителя",
    "Does the card match the sender": "Совпадает ли карточка с отправителем",
    "Quarantine status": "Состояние карантина",
    "Load the sender's card": "Загрузить карточку отправителя",
    "Safety number compared with the researcher": "Код безопасности сверен с исследователем",
    "Accept the bundle and add the sender as a contact": "Принять пакет и добавить отправителя в контакты",
    "Drop the bundle": "Удалить пакет",
    "These bundles verified, but their sender is not a contact. Get the sender's card through another channel, load it, and compare its safety number with the researcher in person or by phone before you accept. If in doubt, drop the bundle: the researcher can send it again.":
        "Эти пакеты прошли проверку, но их отправителя нет среди контактов. Получите карточку "
        "отправителя по другому каналу, загрузите её и, прежде чем принять пакет, сверьте код "
        "безопасности с исследователем лично или по телефону. Если есть сомнения, удалите пакет: "
        "исследователь сможет отправить его ещё раз.",
    "The quarantine could not be read: %1": "Не удалось прочитать карантин: %1",
    "%1 (now a contact)": "%1 (теперь в контактах)",
    "The quarantine is empty.": "Карантин пуст.",
    "Select a held bundle.": "Выберите пакет.",
    "Held bundle: %n report(s), sealed %1, received %2.\nSender's signing key: %3": (
        "Пакет в карантине: %n отчёт, запечатан %1, получен %2.\nКлюч подписи отправителя: %3",
        "Пакет в карантине: %n отчёта, запечатан %1, получен %2.\nКлюч подписи отправителя: %3",
        "Пакет в карантине: %n отчётов, запечатан %1, получен %2.\nКлюч подписи отправителя: %3"),
    "Safety number: load the sender's card. A safety number is computed from both of the sender's keys, and a bundle carries only the signing key.":
        "Код безопасности: загрузите карточку отправителя. Код вычисляется из обоих ключей "
        "отправителя, а пакет содержит только ключ подписи.",
    "The sender has become a contact (%1): you can accept the bundle.":
        "Отправитель уже в контактах (%1): пакет можно принять.",
    "field researcher": "полевой исследователь",
    "HQ": "офис",
    "Card of: %1 (%2)\nSigning key: %3\nSafety number:\n%4":
        "Карточка: %1 (%2)\nКлюч подписи: %3\nКод безопасности:\n%4",
    "MISMATCH: this card's signing key is not the sender of the selected bundle. Do not accept; ask the researcher for their card again through another channel.":
        "НЕ СОВПАДАЕТ: ключ подписи этой карточки не принадлежит отправителю выбранного пакета. "
        "Не принимайте пакет; запросите карточку у исследователя ещё раз по другому каналу.",
    "This is an HQ card; a bundle's sender must be a field researcher.":
        "Это карточка офиса; отправителем пакета может быть только полевой исследователь.",
    "MATCH: this card's signing key is the sender of the selected bundle. Now compare the safety number with the researcher.":
        "СОВПАДАЕТ: ключ подписи этой карточки принадлежит отправителю выбранного пакета. Теперь "
        "сверьте код безопасности с исследователем.",
    "Choose the sender's card": "Выберите карточку отправителя",
    "Importing the held bundle…": "Импорт пакета из карантина…",
    "Accepted: %1": "Принят: %1",
    "Not accepted; the bundle stays in quarantine and no contact was added: %1":
        "Не принят; пакет остаётся в карантине, контакт не добавлен: %1",
    "Delete this held bundle (%n report(s)) from the vault? Its reports are not imported. The researcher can send them again.": (
        "Удалить этот пакет (%n отчёт) из хранилища? Его отчёты не будут импортированы. "
        "Исследователь сможет отправить их ещё раз.",
        "Удалить этот пакет (%n отчёта) из хранилища? Его отчёты не будут импортированы. "
        "Исследователь сможет отправить их ещё раз.",
        "Удалить этот пакет (%n отчётов) из хранилища? Его отчёты не будут импортированы. "
        "Исследователь сможет отправить их ещё раз."),
    "&Drop": "&Удалить",
    "The bundle was dropped.": "Пакет удалён.",
    "The bundle was not dropped: %1": "Пакет не удалён: %1",
}
EN_PLURALS = {
    "%n new report(s); attachments: %1; the sender's bundle no. %2.": [
        "%n new report; attachments: %1; the sender's bundle no. %2.",
        "%n new reports; attachments: %1; the sender's bundle no. %2."],
    "%n new report(s); the sender's bundle no. %1.": [
        "%n new report; the sender's bundle no. %1.", "%n new reports; the sender's bundle no. %1."],
    "%n report(s) were already held.": ["%n report was already held.", "%n reports were already held."],
    "Import finished: %n bundle(s).": ["Import finished: %n bundle.", "Import finished: %n bundles."],
    "%n bundle(s) not imported; they changed nothing. The table says why.": [
        "%n bundle not imported; it changed nothing. The table says why.",
        "%n bundles not imported; they changed nothing. The table says why."],
    "%n bundle(s) held in quarantine.": ["%n bundle held in quarantine.", "%n bundles held in quarantine."],
    "Held bundle: %n report(s), sealed %1, received %2.\nSender's signing key: %3": [
        "Held bundle: %n report, sealed %1, received %2.\nSender's signing key: %3",
        "Held bundle: %n reports, sealed %1, received %2.\nSender's signing key: %3"],
    "Delete this held bundle (%n report(s)) from the vault? Its reports are not imported. The researcher can send them again.": [
        "Delete this held bundle (%n report) from the vault? Its reports are not imported. The researcher can send them again.",
        "Delete this held bundle (%n reports) from the vault? Its reports are not imported. The researcher can send them again."],
}
