<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>Messages</name>
        <message>
            <source>There is no vault in this folder.</source>
            <translation>В этой папке нет хранилища.</translation>
        </message>
        <message>
            <source>This folder already holds a vault.</source>
            <translation>В этой папке уже есть хранилище.</translation>
        </message>
        <message>
            <source>The passphrase did not open the vault.</source>
            <translation>Парольная фраза не подошла к хранилищу.</translation>
        </message>
        <message>
            <source>The vault's key file is damaged.</source>
            <translation>Файл ключей хранилища повреждён.</translation>
        </message>
        <message>
            <source>The vault's data file is damaged or does not match the keys.</source>
            <translation>Файл данных хранилища повреждён или не соответствует ключам.</translation>
        </message>
        <message>
            <source>The vault is open in another program.</source>
            <translation>Хранилище открыто в другой программе.</translation>
        </message>
        <message>
            <source>The vault was written by a newer version of fieldseal.</source>
            <translation>Хранилище создано более новой версией fieldseal.</translation>
        </message>
        <message>
            <source>There is no free passphrase slot.</source>
            <translation>Нет свободного места для новой парольной фразы.</translation>
        </message>
        <message>
            <source>The passphrase is empty.</source>
            <translation>Парольная фраза пуста.</translation>
        </message>
        <message>
            <source>Not enough memory to check the passphrase.</source>
            <translation>Не хватает памяти для проверки парольной фразы.</translation>
        </message>
        <message>
            <source>A file could not be read or written (disk full or no permission?).</source>
            <translation>Не удалось прочитать или записать файл (диск заполнен или нет прав?).</translation>
        </message>
        <message>
            <source>The vault has been destroyed.</source>
            <translation>Хранилище уничтожено.</translation>
        </message>
        <message>
            <source>This belongs to the other kind of vault (field or HQ).</source>
            <translation>Это относится к хранилищу другого вида (полевому или офисному).</translation>
        </message>
        <message>
            <source>The record was not found.</source>
            <translation>Запись не найдена.</translation>
        </message>
        <message>
            <source>A field is missing or out of range.</source>
            <translation>Поле не заполнено или значение вне допустимых пределов.</translation>
        </message>
        <message>
            <source>A final report cannot be edited; add an amendment instead.</source>
            <translation>Завершённый отчёт нельзя редактировать; можно только добавить поправку.</translation>
        </message>
        <message>
            <source>The report must be finalized first.</source>
            <translation>Сначала отчёт нужно завершить.</translation>
        </message>
        <message>
            <source>Unknown type of act.</source>
            <translation>Неизвестный вид нарушения.</translation>
        </message>
        <message>
            <source>The attachment was not found.</source>
            <translation>Вложение не найдено.</translation>
        </message>
        <message>
            <source>A contact with this name or key already exists.</source>
            <translation>Контакт с таким именем или ключом уже есть.</translation>
        </message>
        <message>
            <source>The card is not valid.</source>
            <translation>Карточка недействительна.</translation>
        </message>
        <message>
            <source>The custody log does not verify.</source>
            <translation>Журнал хранения не прошёл проверку.</translation>
        </message>
        <message>
            <source>A signature does not verify.</source>
            <translation>Подпись не прошла проверку.</translation>
        </message>
        <message>
            <source>The search needs at least one word.</source>
            <translation>Для поиска нужно хотя бы одно слово.</translation>
        </message>
        <message>
            <source>The report's content has been purged.</source>
            <translation>Содержимое отчёта стёрто.</translation>
        </message>
        <message>
            <source>The vault's database reported an error.</source>
            <translation>База данных хранилища сообщила об ошибке.</translation>
        </message>
        <message>
            <source>The change conflicts with data already in the vault.</source>
            <translation>Изменение противоречит данным, которые уже есть в хранилище.</translation>
        </message>
        <message>
            <source>The attachment's stored bytes are damaged.</source>
            <translation>Сохранённые данные вложения повреждены.</translation>
        </message>
        <message>
            <source>The report data is not valid.</source>
            <translation>Данные отчёта некорректны.</translation>
        </message>
        <message>
            <source>This is not a valid fieldseal card.</source>
            <translation>Это не карточка fieldseal или она повреждена.</translation>
        </message>
        <message>
            <source>The card's signature does not verify: it was altered.</source>
            <translation>Подпись карточки не сходится: карточку изменили.</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>Не удалось прочитать файл.</translation>
        </message>
        <message>
            <source>The cryptographic self-test failed.</source>
            <translation>Самопроверка криптографии не пройдена.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>TransportMessages</name>
        <message>
            <source>The request is not valid.</source>
            <translation>Некорректный запрос.</translation>
        </message>
        <message>
            <source>A file could not be read.</source>
            <translation>Не удалось прочитать файл.</translation>
        </message>
        <message>
            <source>A file could not be written (disk full or no permission?).</source>
            <translation>Не удалось записать файл (диск заполнен или нет прав?).</translation>
        </message>
        <message>
            <source>The compression or archive library failed unexpectedly.</source>
            <translation>Неожиданный сбой библиотеки сжатия или архивации.</translation>
        </message>
        <message>
            <source>The file is not encrypted to this vault's key (not for us, or not a bundle).</source>
            <translation>Файл зашифрован не для ключа этого хранилища (он не нам или это не пакет).</translation>
        </message>
        <message>
            <source>The file is not a valid encrypted bundle (malformed header).</source>
            <translation>Файл не является корректным зашифрованным пакетом (испорчен заголовок).</translation>
        </message>
        <message>
            <source>The bundle is damaged or was altered (authentication failed).</source>
            <translation>Пакет повреждён или изменён (проверка подлинности не пройдена).</translation>
        </message>
        <message>
            <source>The bundle is incomplete (the file ends early).</source>
            <translation>Пакет неполный (файл обрывается раньше времени).</translation>
        </message>
        <message>
            <source>Unexpected data follows the end of the bundle.</source>
            <translation>После конца пакета есть лишние данные.</translation>
        </message>
        <message>
            <source>The bundle's compressed content is malformed.</source>
            <translation>Сжатое содержимое пакета испорчено.</translation>
        </message>
        <message>
            <source>The bundle unpacks beyond the size limit (refused as a possible attack).</source>
            <translation>При распаковке пакет превышает допустимый размер (отклонён как возможная атака).</translation>
        </message>
        <message>
            <source>The archive inside the bundle is malformed.</source>
            <translation>Архив внутри пакета испорчен.</translation>
        </message>
        <message>
            <source>The archive inside the bundle holds a link, folder or device (refused).</source>
            <translation>Архив внутри пакета содержит ссылку, папку или устройство (отклонён).</translation>
        </message>
        <message>
            <source>The archive inside the bundle holds a forbidden file name (refused).</source>
            <translation>Архив внутри пакета содержит недопустимое имя файла (отклонён).</translation>
        </message>
        <message>
            <source>The archive inside the bundle holds a file twice.</source>
            <translation>Архив внутри пакета содержит один файл дважды.</translation>
        </message>
        <message>
            <source>The bundle exceeds a size limit (refused).</source>
            <translation>Пакет превышает ограничение размера (отклонён).</translation>
        </message>
        <message>
            <source>The bundle's list of contents is missing or malformed.</source>
            <translation>Опись содержимого пакета отсутствует или испорчена.</translation>
        </message>
        <message>
            <source>The bundle uses a format version this program does not know.</source>
            <translation>Пакет записан в версии формата, которую эта программа не знает.</translation>
        </message>
        <message>
            <source>The bundle's content does not match its signed list of contents (altered).</source>
            <translation>Содержимое пакета не совпадает с подписанной описью (пакет изменён).</translation>
        </message>
        <message>
            <source>The bundle's signature does not verify (altered or forged).</source>
            <translation>Подпись пакета не прошла проверку (пакет изменён или подделан).</translation>
        </message>
        <message>
            <source>The bundle was re-encrypted by someone else for other recipients (refused).</source>
            <translation>Пакет кто-то перешифровал для других получателей (отклонён).</translation>
        </message>
        <message>
            <source>A part of a split bundle is malformed.</source>
            <translation>Часть разделённого пакета испорчена.</translation>
        </message>
        <message>
            <source>A part of the split bundle is missing.</source>
            <translation>Не хватает части разделённого пакета.</translation>
        </message>
        <message>
            <source>A part of the split bundle was given twice.</source>
            <translation>Часть разделённого пакета передана дважды.</translation>
        </message>
        <message>
            <source>The parts belong to different bundles.</source>
            <translation>Части относятся к разным пакетам.</translation>
        </message>
        <message>
            <source>A part of the split bundle is damaged.</source>
            <translation>Часть разделённого пакета повреждена.</translation>
        </message>
        <message>
            <source>The joined parts do not match the bundle (altered).</source>
            <translation>Собранные части не совпадают с пакетом (изменены).</translation>
        </message>
        <message>
            <source>The part size is too small.</source>
            <translation>Размер части слишком мал.</translation>
        </message>
        <message>
            <source>Too many parts.</source>
            <translation>Слишком много частей.</translation>
        </message>
        <message>
            <source>The receipt is malformed.</source>
            <translation>Квитанция испорчена.</translation>
        </message>
        <message>
            <source>The receipt's signature does not verify.</source>
            <translation>Подпись квитанции не прошла проверку.</translation>
        </message>
        <message>
            <source>This belongs to the other kind of vault (field or HQ).</source>
            <translation>Это относится к хранилищу другого вида (полевому или офисному).</translation>
        </message>
        <message>
            <source>There is no contact of that name and role.</source>
            <translation>Нет контакта с таким именем и ролью.</translation>
        </message>
        <message>
            <source>There is no final report to export.</source>
            <translation>Нет завершённых отчётов для экспорта.</translation>
        </message>
        <message>
            <source>A chosen report is unknown, not final or purged.</source>
            <translation>Один из выбранных отчётов неизвестен, не завершён или стёрт.</translation>
        </message>
        <message>
            <source>The written bundle did not read back as written; nothing was recorded.</source>
            <translation>Записанный пакет не совпал при обратном чтении; ничего не отмечено.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Отменено.</translation>
        </message>
        <message>
            <source>The vault could not be read or written.</source>
            <translation>Не удалось прочитать или изменить хранилище.</translation>
        </message>
        <message>
            <source>The bundle's sender is not a contact.</source>
            <translation>Отправителя пакета нет среди контактов.</translation>
        </message>
        <message>
            <source>The bundle is older than bundles already imported from its sender (possible replay).</source>
            <translation>Пакет старше уже принятых пакетов этого отправителя (возможен повтор старого пакета).</translation>
        </message>
        <message>
            <source>A report, amendment or custody log in the bundle does not verify.</source>
            <translation>Отчёт, поправка или журнал хранения в пакете не прошли проверку.</translation>
        </message>
        <message>
            <source>A report in the bundle differs from the copy already held.</source>
            <translation>Отчёт в пакете отличается от уже имеющейся копии.</translation>
        </message>
        <message>
            <source>The quarantined bundle is no longer there.</source>
            <translation>Этого пакета в карантине уже нет.</translation>
        </message>
        <message>
            <source>Nothing has been received from this researcher.</source>
            <translation>От этого исследователя ещё ничего не получено.</translation>
        </message>
        <message>
            <source>The receipt is not signed by a known HQ contact.</source>
            <translation>Квитанция подписана не известным контактом офиса.</translation>
        </message>
        <message>
            <source>The receipt is addressed to another researcher.</source>
            <translation>Квитанция адресована другому исследователю.</translation>
        </message>
        <message>
            <source>Unknown error.</source>
            <translation>Неизвестная ошибка.</translation>
        </message>
        <message>
            <source>Part %1 of %2 is missing.</source>
            <translation>Не хватает части %1 из %2.</translation>
        </message>
        <message>
            <source>Part %1 of %2 was given twice.</source>
            <translation>Часть %1 из %2 передана дважды.</translation>
        </message>
        <message>
            <source>Part %1 of %2 is damaged.</source>
            <translation>Часть %1 из %2 повреждена.</translation>
        </message>
        <message>
            <source>Part %1 of %2 belongs to another bundle or is inconsistent.</source>
            <translation>Часть %1 из %2 относится к другому пакету или не согласуется с остальными.</translation>
        </message>
        <message>
            <source>Part %1 of %2: %3</source>
            <translation>Часть %1 из %2: %3</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::BarChart</name>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::DashboardPage</name>
        <message>
            <source>Date unknown</source>
            <translation>Дата неизвестна</translation>
        </message>
        <message>
            <source>%1 (month unknown)</source>
            <translation>%1 (месяц неизвестен)</translation>
        </message>
        <message>
            <source>No act recorded</source>
            <translation>Нарушение не указано</translation>
        </message>
        <message>
            <source>No region</source>
            <translation>Регион не указан</translation>
        </message>
        <message>
            <source>Written in this vault</source>
            <translation>Созданы в этом хранилище</translation>
        </message>
        <message>
            <source>Not a contact (key %1…)</source>
            <translation>Не контакт (ключ %1…)</translation>
        </message>
        <message>
            <source>A&amp;pply</source>
            <translation>Пр&amp;именить</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Обновить</translation>
        </message>
        <message>
            <source>Show as ta&amp;bles</source>
            <translation>В виде &amp;таблиц</translation>
        </message>
        <message>
            <source>Create re&amp;ceipt…</source>
            <translation>Создать &amp;квитанцию…</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>Incident date from</source>
            <translation>Дата события с</translation>
        </message>
        <message>
            <source>Incident date to</source>
            <translation>Дата события по</translation>
        </message>
        <message>
            <source>All acts</source>
            <translation>Все нарушения</translation>
        </message>
        <message>
            <source>Count only reports with this type of act</source>
            <translation>Считать только отчёты с этим видом нарушения</translation>
        </message>
        <message>
            <source>Count only reports from this region</source>
            <translation>Считать только отчёты из этого региона</translation>
        </message>
        <message>
            <source>all regions</source>
            <translation>все регионы</translation>
        </message>
        <message>
            <source>All senders</source>
            <translation>Все отправители</translation>
        </message>
        <message>
            <source>Count only reports from this researcher</source>
            <translation>Считать только отчёты этого исследователя</translation>
        </message>
        <message>
            <source>Apply the filters</source>
            <translation>Применить фильтры</translation>
        </message>
        <message>
            <source>Reload the statistics</source>
            <translation>Заново посчитать статистику</translation>
        </message>
        <message>
            <source>Show the numbers as tables</source>
            <translation>Показать числа в виде таблиц</translation>
        </message>
        <message>
            <source>Create a receipt for a researcher</source>
            <translation>Создать квитанцию для исследователя</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Всего</translation>
        </message>
        <message>
            <source>Dashboard status</source>
            <translation>Состояние сводки</translation>
        </message>
        <message>
            <source>Incidents per month (incident start date)</source>
            <translation>События по месяцам (дата начала события)</translation>
        </message>
        <message>
            <source>Incidents per type of act</source>
            <translation>События по видам нарушений</translation>
        </message>
        <message>
            <source>Incidents per region</source>
            <translation>События по регионам</translation>
        </message>
        <message>
            <source>Incidents per sender</source>
            <translation>События по отправителям</translation>
        </message>
        <message>
            <source>No incidents.</source>
            <translation>Событий нет.</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Месяц</translation>
        </message>
        <message>
            <source>Type of act</source>
            <translation>Вид нарушения</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Отправитель</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Final reports only. A report with acts of several types counts once for each type.</source>
            <translation>Учитываются только завершённые отчёты. Отчёт с нарушениями нескольких видов считается один раз для каждого вида.</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Диаграммы</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;С:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;По:</translation>
        </message>
        <message>
            <source>&amp;Act:</source>
            <translation>Нару&amp;шение:</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Ре&amp;гион:</translation>
        </message>
        <message>
            <source>S&amp;ender:</source>
            <translation>Отп&amp;равитель:</translation>
        </message>
        <message>
            <source>A date is YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation>Дата пишется как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
        </message>
        <message numerus="yes">
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n событие</numerusform>
                <numerusform>%n события</numerusform>
                <numerusform>%n событий</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ExportDialog</name>
        <message>
            <source>Tick &amp;all</source>
            <translation>Отметить вс&amp;е</translation>
        </message>
        <message>
            <source>Tick &amp;none</source>
            <translation>&amp;Снять все отметки</translation>
        </message>
        <message>
            <source>Other &amp;folder…</source>
            <translation>Другая &amp;папка…</translation>
        </message>
        <message>
            <source>ASCII ar&amp;mor (for channels that accept only text)</source>
            <translation>Текстовый ви&amp;д ASCII (для каналов, которые принимают только текст)</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Выгрузить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Закрыть</translation>
        </message>
        <message>
            <source>Export reports to HQ</source>
            <translation>Выгрузка отчётов для офиса</translation>
        </message>
        <message>
            <source>HQ recipients</source>
            <translation>Получатели в офисе</translation>
        </message>
        <message>
            <source>HQ &amp;recipients (the bundle opens only with their keys):</source>
            <translation>Пол&amp;учатели в офисе (пакет откроется только их ключами):</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>Incident date</source>
            <translation>Дата события</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Передача</translation>
        </message>
        <message>
            <source>Reports to export</source>
            <translation>Отчёты для выгрузки</translation>
        </message>
        <message>
            <source>Re&amp;ports (ticked: not yet confirmed by HQ):</source>
            <translation>О&amp;тчёты (отмечены те, получение которых офис ещё не подтвердил):</translation>
        </message>
        <message>
            <source>Tick all reports</source>
            <translation>Отметить все отчёты</translation>
        </message>
        <message>
            <source>Tick no report</source>
            <translation>Снять отметки со всех отчётов</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Куда записать</translation>
        </message>
        <message>
            <source>No removable drive found: choose a folder</source>
            <translation>Съёмный диск не найден: выберите папку</translation>
        </message>
        <message>
            <source>Choose another folder</source>
            <translation>Выбрать другую папку</translation>
        </message>
        <message>
            <source>One file (no split)</source>
            <translation>Один файл (без разбиения)</translation>
        </message>
        <message>
            <source>Signal: parts of 95 MiB (limit 100 MB)</source>
            <translation>Signal: части по 95 МиБ (предел 100 МБ)</translation>
        </message>
        <message>
            <source>Telegram: parts of 1900 MiB (limit 2 GB)</source>
            <translation>Telegram: части по 1900 МиБ (предел 2 ГБ)</translation>
        </message>
        <message>
            <source>E-mail: parts of 20 MiB</source>
            <translation>Электронная почта: части по 20 МиБ</translation>
        </message>
        <message>
            <source>Custom part size</source>
            <translation>Свой размер части</translation>
        </message>
        <message>
            <source>Split into parts</source>
            <translation>Разбиение на части</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> МиБ</translation>
        </message>
        <message>
            <source>Custom part size in MiB</source>
            <translation>Свой размер части в МиБ</translation>
        </message>
        <message>
            <source>ASCII armor</source>
            <translation>Текстовый вид ASCII</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>&amp;Куда записать:</translation>
        </message>
        <message>
            <source>&amp;Split for:</source>
            <translation>&amp;Разбить для:</translation>
        </message>
        <message>
            <source>Export progress</source>
            <translation>Ход выгрузки</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Состояние выгрузки</translation>
        </message>
        <message>
            <source>What was written</source>
            <translation>Что записано</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Выгрузить</translation>
        </message>
        <message>
            <source>Cancel the export</source>
            <translation>Отменить выгрузку</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>%1 — %2 free (%3)</source>
            <translation>%1 — свободно %2 (%3)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестна</translation>
        </message>
        <message>
            <source>There is no HQ contact yet: import HQ's card first.</source>
            <translation>Контакта офиса ещё нет: сначала импортируйте карточку офиса.</translation>
        </message>
        <message>
            <source>There is no final report to export. Finalize a report first.</source>
            <translation>Нет завершённых отчётов для выгрузки. Сначала завершите отчёт.</translation>
        </message>
        <message>
            <source>Folder for the bundle</source>
            <translation>Папка для пакета</translation>
        </message>
        <message>
            <source>The destination folder does not exist (was the drive removed?).</source>
            <translation>Папки назначения нет (диск извлечён?).</translation>
        </message>
        <message>
            <source>Sealing the reports…</source>
            <translation>Запечатываем отчёты…</translation>
        </message>
        <message>
            <source>Sealing the reports… %1 of %2</source>
            <translation>Запечатываем отчёты… %1 из %2</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message numerus="yes">
            <source>Sealed %n report(s) for %1.</source>
            <translation>
                <numerusform>Запечатан %n отчёт для: %1.</numerusform>
                <numerusform>Запечатано %n отчёта для: %1.</numerusform>
                <numerusform>Запечатано %n отчётов для: %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Written to %1 (bundle of %2):</source>
            <translation>Записано в %1 (пакет размером %2):</translation>
        </message>
        <message>
            <source>  %1 — %2</source>
            <translation>  %1 — %2</translation>
        </message>
        <message>
            <source>  %1 — %2 (part %3 of %4)</source>
            <translation>  %1 — %2 (часть %3 из %4)</translation>
        </message>
        <message>
            <source>Next: carry or send this file to HQ by any channel.</source>
            <translation>Дальше: отвезите или отправьте этот файл в офис любым способом.</translation>
        </message>
        <message numerus="yes">
            <source>Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.</source>
            <translation>
                <numerusform>Дальше: отвезите или отправьте в офис любым способом все файлы (%n); офису нужна каждая часть, порядок не важен.</numerusform>
                <numerusform>Дальше: отвезите или отправьте в офис любым способом все %n файла; офису нужна каждая часть, порядок не важен.</numerusform>
                <numerusform>Дальше: отвезите или отправьте в офис любым способом все %n файлов; офису нужна каждая часть, порядок не важен.</numerusform>
            </translation>
        </message>
        <message>
            <source>The reports count as delivered only when HQ's receipt has been imported here (Exchange → Import receipt…). Do not purge them before that.</source>
            <translation>Отчёты считаются доставленными только после того, как здесь импортирована квитанция офиса (Обмен → Импортировать квитанцию…). До этого не стирайте их.</translation>
        </message>
        <message>
            <source>Export finished.</source>
            <translation>Выгрузка завершена.</translation>
        </message>
        <message>
            <source>Export cancelled: no file was left and no report changed.</source>
            <translation>Выгрузка отменена: файлов не осталось, ни один отчёт не изменился.</translation>
        </message>
        <message>
            <source>The export failed: %1 No file was left and no report changed.</source>
            <translation>Выгрузка не удалась: %1 Файлов не осталось, ни один отчёт не изменился.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FieldExchange</name>
        <message>
            <source>Purge delivered reports</source>
            <translation>Стереть доставленные отчёты</translation>
        </message>
        <message>
            <source>No report is waiting to be purged: HQ's receipts have not confirmed any report that is still here.</source>
            <translation>Стирать нечего: квитанции офиса не подтвердили ни одного отчёта, который ещё здесь.</translation>
        </message>
        <message numerus="yes">
            <source>Purge %n delivered report(s)?</source>
            <translation>
                <numerusform>Стереть содержимое %n доставленного отчёта?</numerusform>
                <numerusform>Стереть содержимое %n доставленных отчётов?</numerusform>
                <numerusform>Стереть содержимое %n доставленных отчётов?</numerusform>
            </translation>
        </message>
        <message>
            <source>HQ's receipts confirm it holds them. Their content and attachments will be erased from this vault for good; a stub (id, hash, dates, delivery state) and the custody log stay. This cannot be undone.</source>
            <translation>Квитанции офиса подтверждают, что отчёты у него. Их содержимое и вложения будут навсегда стёрты из этого хранилища; останутся заглушка (идентификатор, хеш, даты, состояние передачи) и журнал хранения. Это нельзя отменить.</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Purge %n report(s)</source>
            <translation>
                <numerusform>&amp;Стереть %n отчёт</numerusform>
                <numerusform>&amp;Стереть %n отчёта</numerusform>
                <numerusform>&amp;Стереть %n отчётов</numerusform>
            </translation>
        </message>
        <message>
            <source>Purge</source>
            <translation>Стереть</translation>
        </message>
        <message>
            <source>The purge failed: %1 Nothing was purged.</source>
            <translation>Стереть не удалось: %1 Ничего не стёрто.</translation>
        </message>
        <message numerus="yes">
            <source>Purged %n report(s). Their stubs stay in the list, marked purged.</source>
            <translation>
                <numerusform>Стёрт %n отчёт. Его заглушка остаётся в списке с отметкой «стёрт».</numerusform>
                <numerusform>Стёрто %n отчёта. Их заглушки остаются в списке с отметкой «стёрт».</numerusform>
                <numerusform>Стёрто %n отчётов. Их заглушки остаются в списке с отметкой «стёрт».</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FilePicker</name>
        <message>
            <source>Files and folders</source>
            <translation>Файлы и папки</translation>
        </message>
        <message>
            <source>&amp;Path:</source>
            <translation>П&amp;уть:</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Путь</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Выбрать</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FirstRunWizard</name>
        <message>
            <source>Create a vault</source>
            <translation>Создание хранилища</translation>
        </message>
        <message>
            <source>The vault is an encrypted folder on this computer. Without the passphrase it reveals nothing but its existence.</source>
            <translation>Хранилище — это зашифрованная папка на этом компьютере. Без парольной фразы о ней можно узнать только то, что она существует.</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <source>Choose the vault folder</source>
            <translation>Выбрать папку хранилища</translation>
        </message>
        <message>
            <source>Vault folder</source>
            <translation>Папка хранилища</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Папка:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Роль:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Имя:</translation>
        </message>
        <message>
            <source>The name is shown to HQ on your card. A pseudonym is fine.</source>
            <translation>Имя видно офису в вашей карточке. Можно указать псевдоним.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Anyone with this passphrase can read the vault. If you forget it, nobody can recover the vault's content.</source>
            <translation>Любой, кто знает эту фразу, может прочитать хранилище. Если вы её забудете, восстановить содержимое не сможет никто.</translation>
        </message>
        <message>
            <source>Duress passphrase (optional)</source>
            <translation>Фраза под принуждением (необязательно)</translation>
        </message>
        <message>
            <source>If you are forced to open the vault, type the duress passphrase instead. It silently destroys the vault's content and opens an empty vault that looks normal. Nothing in the vault's files shows whether a duress passphrase exists.</source>
            <translation>Если вас заставляют открыть хранилище, введите вместо обычной фразы фразу под принуждением. Она незаметно уничтожит содержимое и откроет пустое хранилище, которое выглядит как обычное. По файлам хранилища нельзя понять, задана ли такая фраза.</translation>
        </message>
        <message>
            <source>HQ card (optional)</source>
            <translation>Карточка офиса (необязательно)</translation>
        </message>
        <message>
            <source>Import the card of the organisation you report to. Then compare its safety number with HQ by phone or in person: if the numbers differ, the card is not theirs.</source>
            <translation>Импортируйте карточку организации, которой вы передаёте отчёты. Затем сверьте код безопасности с офисом по телефону или при встрече: если коды различаются, карточка принадлежит не им.</translation>
        </message>
        <message>
            <source>&amp;Import HQ card…</source>
            <translation>&amp;Импортировать карточку офиса…</translation>
        </message>
        <message>
            <source>Import HQ card</source>
            <translation>Импортировать карточку офиса</translation>
        </message>
        <message>
            <source>HQ card</source>
            <translation>Карточка офиса</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>Не удалось прочитать файл.</translation>
        </message>
        <message>
            <source>&amp;Set a duress passphrase</source>
            <translation>&amp;Задать фразу под принуждением</translation>
        </message>
        <message>
            <source>No card imported.</source>
            <translation>Карточка не импортирована.</translation>
        </message>
        <message>
            <source>I &amp;compared the safety number with HQ and it matches</source>
            <translation>Я с&amp;верил код безопасности с офисом, он совпадает</translation>
        </message>
        <message>
            <source>fieldseal — first run</source>
            <translation>fieldseal — первый запуск</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Назад</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Далее &gt;</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>&amp;Создать хранилище</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Field researcher</source>
            <translation>Полевой исследователь</translation>
        </message>
        <message>
            <source>HQ (receiving organisation)</source>
            <translation>Центральный офис (принимающая организация)</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Name on your card</source>
            <translation>Имя в вашей карточке</translation>
        </message>
        <message>
            <source>Set a duress passphrase</source>
            <translation>Задать фразу под принуждением</translation>
        </message>
        <message>
            <source>Safety number compared</source>
            <translation>Код безопасности сверен</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>This card belongs to a field researcher, not to an HQ.</source>
            <translation>Это карточка полевого исследователя, а не офиса.</translation>
        </message>
        <message>
            <source>Card of: %1
Safety number:
%2</source>
            <translation>Карточка: %1
Код безопасности:
%2</translation>
        </message>
        <message>
            <source>Creating the vault… (deriving keys takes a few seconds)</source>
            <translation>Создаём хранилище… (вычисление ключей занимает несколько секунд)</translation>
        </message>
        <message>
            <source>The vault was not created</source>
            <translation>Хранилище не создано</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::HqImportPage</name>
        <message>
            <source>Add &amp;file…</source>
            <translation>Добавить &amp;файл…</translation>
        </message>
        <message>
            <source>Add fol&amp;der…</source>
            <translation>Добавить п&amp;апку…</translation>
        </message>
        <message>
            <source>C&amp;lear results</source>
            <translation>О&amp;чистить результаты</translation>
        </message>
        <message>
            <source>C&amp;ancel import</source>
            <translation>О&amp;тменить импорт</translation>
        </message>
        <message>
            <source>Drop bundle files or folders here, or add them with the buttons. The parts of a split bundle must be imported together: drop them at once, or add their folder.</source>
            <translation>Перетащите сюда файлы пакетов или папки либо добавьте их кнопками. Части разделённого пакета нужно импортировать вместе: перетащите их все сразу или добавьте их папку.</translation>
        </message>
        <message>
            <source>Drop area for bundle files and folders</source>
            <translation>Область для перетаскивания файлов и папок с пакетами</translation>
        </message>
        <message>
            <source>Add a bundle file</source>
            <translation>Добавить файл пакета</translation>
        </message>
        <message>
            <source>Add a folder of bundle files</source>
            <translation>Добавить папку с файлами пакетов</translation>
        </message>
        <message>
            <source>Clear the import results</source>
            <translation>Очистить результаты импорта</translation>
        </message>
        <message>
            <source>Cancel the import</source>
            <translation>Отменить импорт</translation>
        </message>
        <message>
            <source>Import progress</source>
            <translation>Ход импорта</translation>
        </message>
        <message>
            <source>Import status</source>
            <translation>Состояние импорта</translation>
        </message>
        <message>
            <source>Import results</source>
            <translation>Результаты импорта</translation>
        </message>
        <message>
            <source>&amp;Possibly lost bundles (gaps in a sender's numbering):</source>
            <translation>&amp;Возможно, потерянные пакеты (пропуски в нумерации отправителя):</translation>
        </message>
        <message>
            <source>Possibly lost bundles</source>
            <translation>Возможно, потерянные пакеты</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message>
            <source>Unlock the vault first.</source>
            <translation>Сначала разблокируйте хранилище.</translation>
        </message>
        <message>
            <source>Importing… (more files wait for their turn)</source>
            <translation>Импорт… (остальные файлы ждут своей очереди)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Импорт…</translation>
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation>Ничего не импортировано: %1</translation>
        </message>
        <message numerus="yes">
            <source>Import finished: %n bundle(s).</source>
            <translation>
                <numerusform>Импорт завершён: %n пакет.</numerusform>
                <numerusform>Импорт завершён: %n пакета.</numerusform>
                <numerusform>Импорт завершён: %n пакетов.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) not imported; they changed nothing. The table says why.</source>
            <translation>
                <numerusform>%n пакет не принят и ничего не изменил. Причина указана в таблице.</numerusform>
                <numerusform>%n пакета не приняты и ничего не изменили. Причины указаны в таблице.</numerusform>
                <numerusform>%n пакетов не приняты и ничего не изменили. Причины указаны в таблице.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) held in quarantine.</source>
            <translation>
                <numerusform>%n пакет помещён в карантин.</numerusform>
                <numerusform>%n пакета помещены в карантин.</numerusform>
                <numerusform>%n пакетов помещены в карантин.</numerusform>
            </translation>
        </message>
        <message>
            <source>None: every sender's bundles arrived in sequence.</source>
            <translation>Нет: пакеты каждого отправителя пришли без пропусков.</translation>
        </message>
        <message>
            <source>Choose a bundle file to import</source>
            <translation>Выберите файл пакета для импорта</translation>
        </message>
        <message>
            <source>Choose a folder of bundle files</source>
            <translation>Выберите папку с файлами пакетов</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ImportResultsModel</name>
        <message>
            <source>Not a contact (key %1…)</source>
            <translation>Не контакт (ключ %1…)</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Неизвестно</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Отправитель</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Файлы</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Принят</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Повтор</translation>
        </message>
        <message>
            <source>Quarantined</source>
            <translation>В карантине</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Отклонён</translation>
        </message>
        <message>
            <source>Parts missing</source>
            <translation>Не хватает частей</translation>
        </message>
        <message numerus="yes">
            <source>%n new report(s); attachments: %1; the sender's bundle no. %2.</source>
            <translation>
                <numerusform>%n новый отчёт; вложений: %1; пакет отправителя № %2.</numerusform>
                <numerusform>%n новых отчёта; вложений: %1; пакет отправителя № %2.</numerusform>
                <numerusform>%n новых отчётов; вложений: %1; пакет отправителя № %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new report(s); the sender's bundle no. %1.</source>
            <translation>
                <numerusform>%n новый отчёт; пакет отправителя № %1.</numerusform>
                <numerusform>%n новых отчёта; пакет отправителя № %1.</numerusform>
                <numerusform>%n новых отчётов; пакет отправителя № %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) were already held.</source>
            <translation>
                <numerusform>%n отчёт уже был в хранилище.</numerusform>
                <numerusform>%n отчёта уже были в хранилище.</numerusform>
                <numerusform>%n отчётов уже были в хранилище.</numerusform>
            </translation>
        </message>
        <message>
            <source>Already in quarantine; nothing changed.</source>
            <translation>Уже в карантине; ничего не изменилось.</translation>
        </message>
        <message>
            <source>Imported before; nothing changed.</source>
            <translation>Уже принят ранее; ничего не изменилось.</translation>
        </message>
        <message>
            <source>Signed correctly, but the sender is not a contact. Review it on the Quarantine page.</source>
            <translation>Подпись верна, но отправителя нет среди контактов. Проверьте пакет на странице «Карантин».</translation>
        </message>
        <message>
            <source>Possibly lost: bundle %1 from %2 never arrived. Ask the sender to export again.</source>
            <translation>Возможно, потерян пакет № %1 от отправителя %2: он не пришёл. Попросите отправителя выполнить экспорт ещё раз.</translation>
        </message>
        <message>
            <source>Possibly lost: bundles %1 to %2 from %3 never arrived. Ask the sender to export again.</source>
            <translation>Возможно, потеряны пакеты № %1–%2 от отправителя %3: они не пришли. Попросите отправителя выполнить экспорт ещё раз.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::MainWindow</name>
        <message>
            <source>fieldseal</source>
            <translation>fieldseal</translation>
        </message>
        <message>
            <source>&amp;New report</source>
            <translation>&amp;Новый отчёт</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Заблокировать</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>&amp;Panic</source>
            <translation>&amp;Тревога</translation>
        </message>
        <message>
            <source>Ctrl+Shift+Del</source>
            <translation>Ctrl+Shift+Del</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>Н&amp;астройки…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <source>&amp;Vault</source>
            <translation>&amp;Хранилище</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Действия</translation>
        </message>
        <message>
            <source>Panic</source>
            <translation>Тревога</translation>
        </message>
        <message>
            <source>Destroy the vault now (%1)</source>
            <translation>Немедленно уничтожить хранилище (%1)</translation>
        </message>
        <message>
            <source>Lock the vault now (%1)</source>
            <translation>Немедленно заблокировать хранилище (%1)</translation>
        </message>
        <message>
            <source>There is no vault in this folder yet.</source>
            <translation>В этой папке пока нет хранилища.</translation>
        </message>
        <message>
            <source>The vault was destroyed.</source>
            <translation>Хранилище уничтожено.</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Разделы</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Quarantine</source>
            <translation>Карантин</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Сводка</translation>
        </message>
        <message>
            <source>&amp;Export to HQ…</source>
            <translation>&amp;Выгрузить для офиса…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>&amp;Import receipt…</source>
            <translation>&amp;Импортировать квитанцию…</translation>
        </message>
        <message>
            <source>Ctrl+R</source>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <source>&amp;Purge delivered…</source>
            <translation>&amp;Стереть доставленные…</translation>
        </message>
        <message>
            <source>&amp;Import bundles…</source>
            <translation>&amp;Импортировать пакеты…</translation>
        </message>
        <message>
            <source>Ctrl+I</source>
            <translation>Ctrl+I</translation>
        </message>
        <message>
            <source>Create &amp;receipt…</source>
            <translation>Создать &amp;квитанцию…</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Отчёты</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Импорт</translation>
        </message>
        <message>
            <source>&amp;Quarantine</source>
            <translation>&amp;Карантин</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Сводка</translation>
        </message>
        <message>
            <source>&amp;Exchange</source>
            <translation>&amp;Обмен</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Переход</translation>
        </message>
        <message>
            <source>Change the language</source>
            <translation>Смена языка</translation>
        </message>
        <message>
            <source>The open report is reloaded in the new language: changes not yet saved are lost.</source>
            <translation>Открытый отчёт будет заново загружен на новом языке: несохранённые изменения пропадут.</translation>
        </message>
        <message>
            <source>Change now</source>
            <translation>Сменить сейчас</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::PartialDateEdit</name>
        <message>
            <source>YYYY-MM-DD, YYYY-MM, YYYY or empty</source>
            <translation>ГГГГ-ММ-ДД, ГГГГ-ММ, ГГГГ или пусто</translation>
        </message>
        <message>
            <source>Date precision</source>
            <translation>Точность даты</translation>
        </message>
        <message>
            <source>(not a date)</source>
            <translation>(это не дата)</translation>
        </message>
        <message>
            <source>precision: %1</source>
            <translation>точность: %1</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::PassphraseField</name>
        <message>
            <source>S&amp;how passphrase</source>
            <translation>&amp;Показать фразу</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Повтор парольной фразы</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Надёжность парольной фразы</translation>
        </message>
        <message>
            <source>Show passphrase</source>
            <translation>Показать парольную фразу</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Парольная &amp;фраза:</translation>
        </message>
        <message>
            <source>&amp;Repeat:</source>
            <translation>По&amp;втор:</translation>
        </message>
        <message>
            <source>Strength:</source>
            <translation>Надёжность:</translation>
        </message>
        <message>
            <source>&amp;Generate a passphrase</source>
            <translation>Сгенери&amp;ровать фразу</translation>
        </message>
        <message>
            <source>Generate a passphrase</source>
            <translation>Сгенерировать парольную фразу</translation>
        </message>
        <message>
            <source>very weak</source>
            <translation>очень слабая</translation>
        </message>
        <message>
            <source>weak</source>
            <translation>слабая</translation>
        </message>
        <message>
            <source>fair</source>
            <translation>средняя</translation>
        </message>
        <message>
            <source>strong</source>
            <translation>надёжная</translation>
        </message>
        <message>
            <source>very strong</source>
            <translation>очень надёжная</translation>
        </message>
        <message>
            <source>%1 (about %2 bits)</source>
            <translation>%1 (около %2 бит)</translation>
        </message>
        <message>
            <source>The passphrases match.</source>
            <translation>Фразы совпадают.</translation>
        </message>
        <message>
            <source>The passphrases differ.</source>
            <translation>Фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::QuarantinePage</name>
        <message>
            <source>&amp;Load sender's card…</source>
            <translation>&amp;Загрузить карточку отправителя…</translation>
        </message>
        <message>
            <source>I &amp;compared the safety number with the researcher (in person or by phone) and every digit matches</source>
            <translation>Я с&amp;верил код безопасности с исследователем (лично или по телефону), все цифры совпадают</translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>При&amp;нять</translation>
        </message>
        <message>
            <source>&amp;Drop…</source>
            <translation>&amp;Удалить…</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Получен</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Sender's signing key</source>
            <translation>Ключ подписи отправителя</translation>
        </message>
        <message>
            <source>Quarantined bundles</source>
            <translation>Пакеты в карантине</translation>
        </message>
        <message>
            <source>Held bundle</source>
            <translation>Пакет в карантине</translation>
        </message>
        <message>
            <source>Sender's card</source>
            <translation>Карточка отправителя</translation>
        </message>
        <message>
            <source>Does the card match the sender</source>
            <translation>Совпадает ли карточка с отправителем</translation>
        </message>
        <message>
            <source>Quarantine status</source>
            <translation>Состояние карантина</translation>
        </message>
        <message>
            <source>Load the sender's card</source>
            <translation>Загрузить карточку отправителя</translation>
        </message>
        <message>
            <source>Safety number compared with the researcher</source>
            <translation>Код безопасности сверен с исследователем</translation>
        </message>
        <message>
            <source>Accept the bundle and add the sender as a contact</source>
            <translation>Принять пакет и добавить отправителя в контакты</translation>
        </message>
        <message>
            <source>Drop the bundle</source>
            <translation>Удалить пакет</translation>
        </message>
        <message>
            <source>These bundles verified, but their sender is not a contact. Get the sender's card through another channel, load it, and compare its safety number with the researcher in person or by phone before you accept. If in doubt, drop the bundle: the researcher can send it again.</source>
            <translation>Эти пакеты прошли проверку, но их отправителя нет среди контактов. Получите карточку отправителя по другому каналу, загрузите её и, прежде чем принять пакет, сверьте код безопасности с исследователем лично или по телефону. Если есть сомнения, удалите пакет: исследователь сможет отправить его ещё раз.</translation>
        </message>
        <message>
            <source>The quarantine could not be read: %1</source>
            <translation>Не удалось прочитать карантин: %1</translation>
        </message>
        <message>
            <source>%1 (now a contact)</source>
            <translation>%1 (теперь в контактах)</translation>
        </message>
        <message>
            <source>The quarantine is empty.</source>
            <translation>Карантин пуст.</translation>
        </message>
        <message>
            <source>Select a held bundle.</source>
            <translation>Выберите пакет.</translation>
        </message>
        <message numerus="yes">
            <source>Held bundle: %n report(s), sealed %1, received %2.
Sender's signing key: %3</source>
            <translation>
                <numerusform>Пакет в карантине: %n отчёт, запечатан %1, получен %2.
Ключ подписи отправителя: %3</numerusform>
                <numerusform>Пакет в карантине: %n отчёта, запечатан %1, получен %2.
Ключ подписи отправителя: %3</numerusform>
                <numerusform>Пакет в карантине: %n отчётов, запечатан %1, получен %2.
Ключ подписи отправителя: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Safety number: load the sender's card. A safety number is computed from both of the sender's keys, and a bundle carries only the signing key.</source>
            <translation>Код безопасности: загрузите карточку отправителя. Код вычисляется из обоих ключей отправителя, а пакет содержит только ключ подписи.</translation>
        </message>
        <message>
            <source>The sender has become a contact (%1): you can accept the bundle.</source>
            <translation>Отправитель уже в контактах (%1): пакет можно принять.</translation>
        </message>
        <message>
            <source>field researcher</source>
            <translation>полевой исследователь</translation>
        </message>
        <message>
            <source>HQ</source>
            <translation>офис</translation>
        </message>
        <message>
            <source>Card of: %1 (%2)
Signing key: %3
Safety number:
%4</source>
            <translation>Карточка: %1 (%2)
Ключ подписи: %3
Код безопасности:
%4</translation>
        </message>
        <message>
            <source>MISMATCH: this card's signing key is not the sender of the selected bundle. Do not accept; ask the researcher for their card again through another channel.</source>
            <translation>НЕ СОВПАДАЕТ: ключ подписи этой карточки не принадлежит отправителю выбранного пакета. Не принимайте пакет; запросите карточку у исследователя ещё раз по другому каналу.</translation>
        </message>
        <message>
            <source>This is an HQ card; a bundle's sender must be a field researcher.</source>
            <translation>Это карточка офиса; отправителем пакета может быть только полевой исследователь.</translation>
        </message>
        <message>
            <source>MATCH: this card's signing key is the sender of the selected bundle. Now compare the safety number with the researcher.</source>
            <translation>СОВПАДАЕТ: ключ подписи этой карточки принадлежит отправителю выбранного пакета. Теперь сверьте код безопасности с исследователем.</translation>
        </message>
        <message>
            <source>Choose the sender's card</source>
            <translation>Выберите карточку отправителя</translation>
        </message>
        <message>
            <source>Importing the held bundle…</source>
            <translation>Импорт пакета из карантина…</translation>
        </message>
        <message>
            <source>Accepted: %1</source>
            <translation>Принят: %1</translation>
        </message>
        <message>
            <source>Not accepted; the bundle stays in quarantine and no contact was added: %1</source>
            <translation>Не принят; пакет остаётся в карантине, контакт не добавлен: %1</translation>
        </message>
        <message numerus="yes">
            <source>Delete this held bundle (%n report(s)) from the vault? Its reports are not imported. The researcher can send them again.</source>
            <translation>
                <numerusform>Удалить этот пакет (%n отчёт) из хранилища? Его отчёты не будут импортированы. Исследователь сможет отправить их ещё раз.</numerusform>
                <numerusform>Удалить этот пакет (%n отчёта) из хранилища? Его отчёты не будут импортированы. Исследователь сможет отправить их ещё раз.</numerusform>
                <numerusform>Удалить этот пакет (%n отчётов) из хранилища? Его отчёты не будут импортированы. Исследователь сможет отправить их ещё раз.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Drop</source>
            <translation>&amp;Удалить</translation>
        </message>
        <message>
            <source>The bundle was not dropped: %1</source>
            <translation>Пакет не удалён: %1</translation>
        </message>
        <message>
            <source>The bundle was dropped.</source>
            <translation>Пакет удалён.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReceiptDialog</name>
        <message>
            <source>Other &amp;folder…</source>
            <translation>Другая &amp;папка…</translation>
        </message>
        <message>
            <source>&amp;Text (ASCII armor) for channels that only take text</source>
            <translation>&amp;Текстовый вид (ASCII) для каналов, которые принимают только текст</translation>
        </message>
        <message>
            <source>&amp;Create receipt</source>
            <translation>&amp;Создать квитанцию</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Create a receipt</source>
            <translation>Создание квитанции</translation>
        </message>
        <message>
            <source>Researcher</source>
            <translation>Исследователь</translation>
        </message>
        <message>
            <source>Bundles</source>
            <translation>Пакеты</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>Last received</source>
            <translation>Последний получен</translation>
        </message>
        <message>
            <source>Researchers and what was received from each</source>
            <translation>Исследователи и что от каждого получено</translation>
        </message>
        <message>
            <source>Destination folder</source>
            <translation>Папка назначения</translation>
        </message>
        <message>
            <source>Choose another destination folder</source>
            <translation>Выбрать другую папку назначения</translation>
        </message>
        <message>
            <source>Write the receipt as text (ASCII armor)</source>
            <translation>Записать квитанцию в текстовом виде (ASCII)</translation>
        </message>
        <message>
            <source>Create the receipt for the selected researcher</source>
            <translation>Создать квитанцию для выбранного исследователя</translation>
        </message>
        <message>
            <source>Receipt status</source>
            <translation>Состояние квитанции</translation>
        </message>
        <message>
            <source>A receipt tells a researcher which of their reports HQ holds. It is encrypted to the researcher and signed by this vault, so it may travel by any channel.</source>
            <translation>Квитанция сообщает исследователю, какие из его отчётов есть в офисе. Она зашифрована для исследователя и подписана этим хранилищем, поэтому её можно передать по любому каналу.</translation>
        </message>
        <message>
            <source>&amp;Researcher:</source>
            <translation>&amp;Исследователь:</translation>
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation>&amp;Куда записать:</translation>
        </message>
        <message>
            <source>%1 (removable drive)</source>
            <translation>%1 (съёмный диск)</translation>
        </message>
        <message>
            <source>Where to write the receipt</source>
            <translation>Куда записать квитанцию</translation>
        </message>
        <message>
            <source>nothing received</source>
            <translation>ничего не получено</translation>
        </message>
        <message>
            <source>There are no researchers' cards among the contacts.</source>
            <translation>Среди контактов нет карточек исследователей.</translation>
        </message>
        <message>
            <source>Writing the receipt…</source>
            <translation>Запись квитанции…</translation>
        </message>
        <message>
            <source>No receipt was written: %1</source>
            <translation>Квитанция не записана: %1</translation>
        </message>
        <message>
            <source>Receipt for %1 written to:
%2</source>
            <translation>Квитанция для %1 записана в файл:
%2</translation>
        </message>
        <message numerus="yes">
            <source>It lists %n report(s)</source>
            <translation>
                <numerusform>В ней %n отчёт</numerusform>
                <numerusform>В ней %n отчёта</numerusform>
                <numerusform>В ней %n отчётов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>from %n bundle(s).</source>
            <translation>
                <numerusform>из %n пакета.</numerusform>
                <numerusform>из %n пакетов.</numerusform>
                <numerusform>из %n пакетов.</numerusform>
            </translation>
        </message>
        <message>
            <source>Give the file to the researcher by any channel. When their vault imports it, those reports are marked delivered there and can then be purged from their laptop.</source>
            <translation>Передайте файл исследователю по любому каналу. Когда его хранилище импортирует квитанцию, эти отчёты будут отмечены там как доставленные, и их содержимое можно будет стереть с его ноутбука.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReceiptImportDialog</name>
        <message>
            <source>&amp;Add file…</source>
            <translation>&amp;Добавить файл…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Убрать</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Импортировать</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Закрыть</translation>
        </message>
        <message>
            <source>Import HQ's receipts</source>
            <translation>Импорт квитанций офиса</translation>
        </message>
        <message>
            <source>A receipt is a file HQ sends back once it holds your reports. Importing it marks those reports delivered; only delivered reports can be purged.</source>
            <translation>Квитанция — это файл, который офис присылает, когда ваши отчёты у него. Импорт квитанции отмечает эти отчёты доставленными; стереть можно только доставленные отчёты.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>Receipt files and results</source>
            <translation>Файлы квитанций и результаты</translation>
        </message>
        <message>
            <source>Receipt &amp;files:</source>
            <translation>&amp;Файлы квитанций:</translation>
        </message>
        <message>
            <source>Add a receipt file</source>
            <translation>Добавить файл квитанции</translation>
        </message>
        <message>
            <source>Remove the selected file</source>
            <translation>Убрать выбранный файл</translation>
        </message>
        <message>
            <source>Import the receipts</source>
            <translation>Импортировать квитанции</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Receipt import status</source>
            <translation>Состояние импорта квитанций</translation>
        </message>
        <message>
            <source>HQ's receipt</source>
            <translation>Квитанция офиса</translation>
        </message>
        <message>
            <source>Checking the receipts…</source>
            <translation>Проверяем квитанции…</translation>
        </message>
        <message>
            <source>Rejected: %1 Nothing was changed.</source>
            <translation>Отклонена: %1 Ничего не изменилось.</translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) newly delivered</source>
            <translation>
                <numerusform>%n отчёт теперь доставлен</numerusform>
                <numerusform>%n отчёта теперь доставлены</numerusform>
                <numerusform>%n отчётов теперь доставлены</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already delivered</source>
            <translation>
                <numerusform>%n уже был доставлен</numerusform>
                <numerusform>%n уже были доставлены</numerusform>
                <numerusform>%n уже были доставлены</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not exported from here (ignored)</source>
            <translation>
                <numerusform>%n не выгружался отсюда (пропущен)</numerusform>
                <numerusform>%n не выгружались отсюда (пропущены)</numerusform>
                <numerusform>%n не выгружались отсюда (пропущены)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n purged at once (purge on receipt)</source>
            <translation>
                <numerusform>%n стёрт сразу (стирание по квитанции)</numerusform>
                <numerusform>%n стёрты сразу (стирание по квитанции)</numerusform>
                <numerusform>%n стёрты сразу (стирание по квитанции)</numerusform>
            </translation>
        </message>
        <message>
            <source>Receipt from %1: %2.</source>
            <translation>Квитанция от %1: %2.</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>Готово.</translation>
        </message>
        <message numerus="yes">
            <source>%n receipt(s) rejected; the others were applied.</source>
            <translation>
                <numerusform>%n квитанция отклонена; остальные применены.</numerusform>
                <numerusform>%n квитанции отклонены; остальные применены.</numerusform>
                <numerusform>%n квитанций отклонено; остальные применены.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportEditor</name>
        <message>
            <source>Start date</source>
            <translation>Дата начала</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Дата окончания</translation>
        </message>
        <message>
            <source>&amp;Finalize…</source>
            <translation>&amp;Завершить…</translation>
        </message>
        <message>
            <source>P&amp;urge…</source>
            <translation>Сте&amp;реть…</translation>
        </message>
        <message>
            <source>&amp;Back to list</source>
            <translation>К с&amp;писку</translation>
        </message>
        <message>
            <source>Report state</source>
            <translation>Состояние отчёта</translation>
        </message>
        <message>
            <source>Editor status</source>
            <translation>Сообщения редактора</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>e.g. police station, street, town</source>
            <translation>например, отдел полиции, улица, город</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Координаты</translation>
        </message>
        <message>
            <source>latitude,longitude (optional), e.g. 55.7558,37.6173</source>
            <translation>широта,долгота (необязательно), например 55.7558,37.6173</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>comma-separated</source>
            <translation>через запятую</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>Изложение</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>Н&amp;азвание:</translation>
        </message>
        <message>
            <source>&amp;End date:</source>
            <translation>Дата окончани&amp;я:</translation>
        </message>
        <message>
            <source>&amp;Coordinates:</source>
            <translation>Координа&amp;ты:</translation>
        </message>
        <message>
            <source>Ta&amp;gs:</source>
            <translation>М&amp;етки:</translation>
        </message>
        <message>
            <source>&amp;Incident</source>
            <translation>Со&amp;бытие</translation>
        </message>
        <message>
            <source>Type of act</source>
            <translation>Вид нарушения</translation>
        </message>
        <message>
            <source>Victim (person ref)</source>
            <translation>Пострадавший (метка лица)</translation>
        </message>
        <message>
            <source>Perpetrator (person ref)</source>
            <translation>Нарушитель (метка лица)</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Способ</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Acts</source>
            <translation>Нарушения</translation>
        </message>
        <message>
            <source>Add a&amp;ct</source>
            <translation>Добавить нар&amp;ушение</translation>
        </message>
        <message>
            <source>Remove act</source>
            <translation>Удалить нарушение</translation>
        </message>
        <message>
            <source>&amp;Acts</source>
            <translation>&amp;Нарушения</translation>
        </message>
        <message>
            <source>Ref</source>
            <translation>Метка</translation>
        </message>
        <message>
            <source>Name or pseudonym</source>
            <translation>Имя или псевдоним</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Legal name (sensitive)</source>
            <translation>Настоящее имя (конфиденциально)</translation>
        </message>
        <message>
            <source>Birth date (sensitive)</source>
            <translation>Дата рождения (конфиденциально)</translation>
        </message>
        <message>
            <source>Contact (sensitive)</source>
            <translation>Контакты (конфиденциально)</translation>
        </message>
        <message>
            <source>Notes (sensitive)</source>
            <translation>Заметки (конфиденциально)</translation>
        </message>
        <message>
            <source>Persons</source>
            <translation>Лица</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Удалить лицо</translation>
        </message>
        <message>
            <source>&amp;Persons</source>
            <translation>&amp;Лица</translation>
        </message>
        <message>
            <source>Person ref</source>
            <translation>Метка лица</translation>
        </message>
        <message>
            <source>Sources and consent</source>
            <translation>Источники и согласие</translation>
        </message>
        <message>
            <source>Remove source</source>
            <translation>Удалить источник</translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>Ист&amp;очники</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Вложения</translation>
        </message>
        <message>
            <source>Add an attachment from a file</source>
            <translation>Добавить вложение из файла</translation>
        </message>
        <message>
            <source>Image preview</source>
            <translation>Просмотр изображения</translation>
        </message>
        <message>
            <source>Add an attachment</source>
            <translation>Добавить вложение</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>№</translation>
        </message>
        <message>
            <source>Time (UTC)</source>
            <translation>Время (UTC)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <source>Custody log</source>
            <translation>Журнал хранения</translation>
        </message>
        <message>
            <source>Report sections</source>
            <translation>Разделы отчёта</translation>
        </message>
        <message>
            <source>Save draft</source>
            <translation>Сохранить черновик</translation>
        </message>
        <message>
            <source>Finalize</source>
            <translation>Завершить</translation>
        </message>
        <message>
            <source>Purge</source>
            <translation>Стереть</translation>
        </message>
        <message>
            <source>Back to list</source>
            <translation>К списку</translation>
        </message>
        <message>
            <source>The report needs a title.</source>
            <translation>У отчёта должно быть название.</translation>
        </message>
        <message>
            <source>The start date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation>Дата начала должна иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
        </message>
        <message>
            <source>The end date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation>Дата окончания должна иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
        </message>
        <message>
            <source>Coordinates must be latitude,longitude in degrees, e.g. 55.7558,37.6173.</source>
            <translation>Координаты указываются как широта,долгота в градусах, например 55.7558,37.6173.</translation>
        </message>
        <message>
            <source>The date of act %1 must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation>Дата нарушения %1 должна иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
        </message>
        <message>
            <source>Person %1 needs at least one role.</source>
            <translation>У лица %1 должна быть хотя бы одна роль.</translation>
        </message>
        <message>
            <source>New report (not saved yet)</source>
            <translation>Новый отчёт (ещё не сохранён)</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <source>%1 (%2, %3)</source>
            <translation>%1 (%2, %3)</translation>
        </message>
        <message>
            <source>unknown type</source>
            <translation>тип неизвестен</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Статус: %1</translation>
        </message>
        <message>
            <source>finalized %1; signed, cannot be edited, only amended</source>
            <translation>завершён %1; подписан, изменить нельзя, можно только внести поправку</translation>
        </message>
        <message>
            <source>content purged %1</source>
            <translation>содержимое стёрто %1</translation>
        </message>
        <message>
            <source>Delivery: %1</source>
            <translation>Передача: %1</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Сохранение…</translation>
        </message>
        <message>
            <source>Finalize the report?</source>
            <translation>Завершить отчёт?</translation>
        </message>
        <message>
            <source>Finalizing signs the report with your key and freezes it. It cannot be edited afterwards, only amended. Attachments cannot be added after this. Unsaved changes are saved first.</source>
            <translation>При завершении отчёт подписывается вашим ключом и фиксируется. После этого его нельзя редактировать — можно только вносить поправки. Добавить вложения тоже будет нельзя. Несохранённые изменения будут сохранены перед завершением.</translation>
        </message>
        <message>
            <source>&amp;Finalize</source>
            <translation>&amp;Завершить</translation>
        </message>
        <message>
            <source>Finalizing…</source>
            <translation>Завершение…</translation>
        </message>
        <message>
            <source>Purge the report?</source>
            <translation>Стереть отчёт?</translation>
        </message>
        <message>
            <source>Purging removes the report's content and attachments from the vault for good; even the passphrase will not bring them back. A stub with the id, dates, hash and delivery state stays, with the custody log.</source>
            <translation>Содержимое отчёта и вложения будут безвозвратно удалены из хранилища; даже парольная фраза их не вернёт. Останется только заглушка — идентификатор, даты, хеш и состояние передачи — и журнал хранения.</translation>
        </message>
        <message>
            <source>&amp;Purge</source>
            <translation>&amp;Стереть</translation>
        </message>
        <message>
            <source>Purging…</source>
            <translation>Стирание…</translation>
        </message>
        <message>
            <source>Adding the attachment…</source>
            <translation>Добавление вложения…</translation>
        </message>
        <message>
            <source>No preview for this type of file.</source>
            <translation>Для файлов этого типа просмотр недоступен.</translation>
        </message>
        <message>
            <source>Too large to preview.</source>
            <translation>Файл слишком велик для просмотра.</translation>
        </message>
        <message>
            <source>The image could not be decoded.</source>
            <translation>Не удалось прочитать изображение.</translation>
        </message>
        <message>
            <source>A&amp;mend…</source>
            <translation>Поправ&amp;ка…</translation>
        </message>
        <message>
            <source>Amendments</source>
            <translation>Поправки</translation>
        </message>
        <message>
            <source>Amendments to the final report appear here.</source>
            <translation>Здесь появятся поправки к завершённому отчёту.</translation>
        </message>
        <message>
            <source>Add an amendment</source>
            <translation>Добавить поправку</translation>
        </message>
        <message>
            <source>Amendment of %1:</source>
            <translation>Поправка от %1:</translation>
        </message>
        <message>
            <source>Amendment text</source>
            <translation>Текст поправки</translation>
        </message>
        <message>
            <source>The amendment is signed with your key and kept with the report; the report itself stays as it was finalized.</source>
            <translation>Поправка подписывается вашим ключом и хранится вместе с отчётом; сам отчёт остаётся таким, каким был завершён.</translation>
        </message>
        <message>
            <source>&amp;Add amendment</source>
            <translation>&amp;Добавить поправку</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Add amendment</source>
            <translation>Добавить поправку</translation>
        </message>
        <message>
            <source>Adding the amendment…</source>
            <translation>Добавление поправки…</translation>
        </message>
        <message>
            <source>Save &amp;draft</source>
            <translation>&amp;Сохранить черновик</translation>
        </message>
        <message>
            <source>Add fi&amp;le…</source>
            <translation>&amp;Добавить файл…</translation>
        </message>
        <message>
            <source>Sta&amp;rt date:</source>
            <translation>Дата на&amp;чала:</translation>
        </message>
        <message>
            <source>P&amp;lace:</source>
            <translation>&amp;Место:</translation>
        </message>
        <message>
            <source>Regi&amp;on:</source>
            <translation>Ре&amp;гион:</translation>
        </message>
        <message>
            <source>&amp;Narrative</source>
            <translation>&amp;Изложение</translation>
        </message>
        <message>
            <source>Add pers&amp;on</source>
            <translation>Добавить ли&amp;цо</translation>
        </message>
        <message>
            <source>Add s&amp;ource</source>
            <translation>Добавить исто&amp;чник</translation>
        </message>
        <message>
            <source>Attac&amp;hments</source>
            <translation>&amp;Вложения</translation>
        </message>
        <message>
            <source>Custod&amp;y log</source>
            <translation>&amp;Журнал хранения</translation>
        </message>
        <message>
            <source>Sa&amp;ve attachment…</source>
            <translation>Со&amp;хранить вложение…</translation>
        </message>
        <message>
            <source>Sender and verification</source>
            <translation>Отправитель и проверка</translation>
        </message>
        <message>
            <source>Save the selected attachment to a folder</source>
            <translation>Сохранить выбранное вложение в папку</translation>
        </message>
        <message>
            <source>an unknown sender (signing key %1)</source>
            <translation>неизвестного отправителя (ключ подписи %1)</translation>
        </message>
        <message>
            <source>%1 (signing key %2)</source>
            <translation>%1 (ключ подписи %2)</translation>
        </message>
        <message>
            <source>Received from %1 on %2 UTC. Signatures and custody chain verified on import, %3 UTC. Imported reports are read-only.</source>
            <translation>Получен от: %1, %2 UTC. Подписи и журнал хранения проверены при импорте, %3 UTC. Полученные отчёты доступны только для чтения.</translation>
        </message>
        <message>
            <source>This file comes from outside this vault: a researcher's device or anyone who handled it may have made it harmful. Opening it can infect this computer. Open it only on a computer kept apart for that, never on this one.</source>
            <translation>Этот файл получен извне: его могли сделать вредоносным на устройстве исследователя или по пути. Открыв его, можно заразить этот компьютер. Открывайте его только на отдельном компьютере, выделенном для этого, и никогда — на этом.</translation>
        </message>
        <message>
            <source>Save a file from outside</source>
            <translation>Сохранение файла извне</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Выбрать папку…</translation>
        </message>
        <message>
            <source>Save the attachment into</source>
            <translation>Сохранить вложение в папку</translation>
        </message>
        <message>
            <source>A file named %1 is already in that folder: nothing was saved.</source>
            <translation>В этой папке уже есть файл %1: ничего не сохранено.</translation>
        </message>
        <message>
            <source>Saving the attachment…</source>
            <translation>Сохраняем вложение…</translation>
        </message>
        <message>
            <source>Saved to %1 (SHA-256 checked).</source>
            <translation>Сохранено в %1 (SHA-256 проверен).</translation>
        </message>
        <message>
            <source>The attachment was not saved: %1</source>
            <translation>Вложение не сохранено: %1</translation>
        </message>
        <message>
            <source>No preview of files from outside.</source>
            <translation>Файлы извне не показываются для просмотра.</translation>
        </message>
        <message>
            <source>finalized %1 by its author</source>
            <translation>завершён автором %1</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportListModel</name>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Incident date</source>
            <translation>Дата события</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <source>Acts</source>
            <translation>Нарушения</translation>
        </message>
        <message>
            <source>Created (UTC)</source>
            <translation>Создан (UTC)</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Передача</translation>
        </message>
        <message>
            <source>Sent by %1 (signing key %2); received %3 UTC; signatures and custody chain verified %4 UTC</source>
            <translation>Отправитель: %1 (ключ подписи %2); получен %3 UTC; подписи и журнал хранения проверены %4 UTC</translation>
        </message>
        <message>
            <source>this vault</source>
            <translation>это хранилище</translation>
        </message>
        <message>
            <source>From</source>
            <translation>От кого</translation>
        </message>
        <message>
            <source>Verified (UTC)</source>
            <translation>Проверен (UTC)</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportsPage</name>
        <message>
            <source>&amp;New report</source>
            <translation>&amp;Новый отчёт</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Открыть</translation>
        </message>
        <message>
            <source>Drafts and final</source>
            <translation>Черновики и завершённые</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Фильтр по статусу</translation>
        </message>
        <message>
            <source>All acts</source>
            <translation>Все нарушения</translation>
        </message>
        <message>
            <source>Filter by type of act</source>
            <translation>Фильтр по виду нарушения</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>Incident date from</source>
            <translation>Дата события с</translation>
        </message>
        <message>
            <source>Incident date to</source>
            <translation>Дата события по</translation>
        </message>
        <message>
            <source>Search titles, narratives, places, names, tags</source>
            <translation>Поиск по названиям, изложению, местам, именам, меткам</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Поиск</translation>
        </message>
        <message>
            <source>New report</source>
            <translation>Новый отчёт</translation>
        </message>
        <message>
            <source>Open the selected report</source>
            <translation>Открыть выбранный отчёт</translation>
        </message>
        <message>
            <source>List status</source>
            <translation>Состояние списка</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>С&amp;татус:</translation>
        </message>
        <message>
            <source>&amp;Act:</source>
            <translation>Нару&amp;шение:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;С:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;По:</translation>
        </message>
        <message>
            <source>S&amp;earch:</source>
            <translation>По&amp;иск:</translation>
        </message>
        <message>
            <source>A date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation>Дата должна иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n отчёт</numerusform>
                <numerusform>%n отчёта</numerusform>
                <numerusform>%n отчётов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) shown; more load as you scroll</source>
            <translation>
                <numerusform>Показан %n отчёт; остальные загрузятся при прокрутке</numerusform>
                <numerusform>Показано %n отчёта; остальные загрузятся при прокрутке</numerusform>
                <numerusform>Показано %n отчётов; остальные загрузятся при прокрутке</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Как в системе</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>Lock after minutes without input</source>
            <translation>Блокировать после стольких минут бездействия</translation>
        </message>
        <message>
            <source>Lock the vault</source>
            <translation>Заблокировать хранилище</translation>
        </message>
        <message>
            <source>Destroy the vault (panic wipe)</source>
            <translation>Уничтожить хранилище (экстренное стирание)</translation>
        </message>
        <message>
            <source>Panic button action</source>
            <translation>Действие тревожной кнопки</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>Lock after &amp;idle:</source>
            <translation>&amp;Блокировка при бездействии:</translation>
        </message>
        <message>
            <source>&amp;Panic button:</source>
            <translation>&amp;Тревожная кнопка:</translation>
        </message>
        <message>
            <source>Panic wipe destroys the vault at once, without asking. Nothing can bring it back.</source>
            <translation>Экстренное стирание сразу уничтожает хранилище, без подтверждения. Вернуть его будет невозможно.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>The window switches to a new language at once; the vault stays unlocked.</source>
            <translation>Окно сразу переключится на новый язык; хранилище останется разблокированным.</translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::UnlockWidget</name>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Разблокировать</translation>
        </message>
        <message>
            <source>Create a &amp;new vault…</source>
            <translation>Создать &amp;новое хранилище…</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Обзор…</translation>
        </message>
        <message>
            <source>Vault folder</source>
            <translation>Папка хранилища</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Разблокировать</translation>
        </message>
        <message>
            <source>Create a new vault</source>
            <translation>Создать новое хранилище</translation>
        </message>
        <message>
            <source>Choose the vault folder</source>
            <translation>Выбрать папку хранилища</translation>
        </message>
        <message>
            <source>Unlock status</source>
            <translation>Состояние разблокировки</translation>
        </message>
        <message>
            <source>Unlocking</source>
            <translation>Разблокировка</translation>
        </message>
        <message>
            <source>fieldseal</source>
            <translation>fieldseal</translation>
        </message>
        <message>
            <source>&amp;Vault folder:</source>
            <translation>Па&amp;пка хранилища:</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>Парольная &amp;фраза:</translation>
        </message>
        <message>
            <source>Checking the passphrase…</source>
            <translation>Проверяем парольную фразу…</translation>
        </message>
    </context>
</TS>
