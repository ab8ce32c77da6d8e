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
            <source>A new language applies when fieldseal starts next.</source>
            <translation>Новый язык применится при следующем запуске fieldseal.</translation>
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
