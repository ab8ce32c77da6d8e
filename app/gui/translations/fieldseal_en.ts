<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Messages</name>
        <message>
            <source>There is no vault in this folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This folder already holds a vault.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase did not open the vault.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault's key file is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault's data file is damaged or does not match the keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault is open in another program.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault was written by a newer version of fieldseal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no free passphrase slot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not enough memory to check the passphrase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A file could not be read or written (disk full or no permission?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault has been destroyed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This belongs to the other kind of vault (field or HQ).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The record was not found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A field is missing or out of range.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A final report cannot be edited; add an amendment instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report must be finalized first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown type of act.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The attachment was not found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A contact with this name or key already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card is not valid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The custody log does not verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A signature does not verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The search needs at least one word.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report's content has been purged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault's database reported an error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The change conflicts with data already in the vault.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The attachment's stored bytes are damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report data is not valid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a valid fieldseal card.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card's signature does not verify: it was altered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cryptographic self-test failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TransportMessages</name>
        <message>
            <source>The request is not valid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A file could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A file could not be written (disk full or no permission?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The compression or archive library failed unexpectedly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is not encrypted to this vault's key (not for us, or not a bundle).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is not a valid encrypted bundle (malformed header).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle is damaged or was altered (authentication failed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle is incomplete (the file ends early).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected data follows the end of the bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle's compressed content is malformed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle unpacks beyond the size limit (refused as a possible attack).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The archive inside the bundle is malformed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The archive inside the bundle holds a link, folder or device (refused).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The archive inside the bundle holds a forbidden file name (refused).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The archive inside the bundle holds a file twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle exceeds a size limit (refused).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle's list of contents is missing or malformed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle uses a format version this program does not know.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle's content does not match its signed list of contents (altered).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle's signature does not verify (altered or forged).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle was re-encrypted by someone else for other recipients (refused).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A part of a split bundle is malformed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A part of the split bundle is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A part of the split bundle was given twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The parts belong to different bundles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A part of the split bundle is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The joined parts do not match the bundle (altered).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The part size is too small.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many parts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is malformed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt's signature does not verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This belongs to the other kind of vault (field or HQ).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no contact of that name and role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no final report to export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A chosen report is unknown, not final or purged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The written bundle did not read back as written; nothing was recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault could not be read or written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle's sender is not a contact.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle is older than bundles already imported from its sender (possible replay).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A report, amendment or custody log in the bundle does not verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A report in the bundle differs from the copy already held.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quarantined bundle is no longer there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing has been received from this researcher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is not signed by a known HQ contact.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is addressed to another researcher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part %1 of %2 is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part %1 of %2 was given twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part %1 of %2 is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part %1 of %2 belongs to another bundle or is inconsistent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::BarChart</name>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::DashboardPage</name>
        <message>
            <source>Date unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (month unknown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No act recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Written in this vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a contact (key %1…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;pply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show as ta&amp;bles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create re&amp;ceipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count only reports with this type of act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count only reports from this region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>all regions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All senders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count only reports from this researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply the filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload the statistics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the numbers as tables</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a receipt for a researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents per month (incident start date)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents per type of act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents per region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents per sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type of act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Final reports only. A report with acts of several types counts once for each type.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Charts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Act:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ender:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A date is YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ExportDialog</name>
        <message>
            <source>Tick &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick &amp;none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ASCII ar&amp;mor (for channels that accept only text)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export reports to HQ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ recipients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ &amp;recipients (the bundle opens only with their keys):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports to export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;ports (ticked: not yet confirmed by HQ):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick all reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick no report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Destination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No removable drive found: choose a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose another folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One file (no split)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signal: parts of 95 MiB (limit 100 MB)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Telegram: parts of 1900 MiB (limit 2 GB)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail: parts of 20 MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom part size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Split into parts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom part size in MiB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ASCII armor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Split for:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2 free (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no HQ contact yet: import HQ's card first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no final report to export. Finalize a report first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder for the bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The destination folder does not exist (was the drive removed?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealing the reports…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealing the reports… %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sealed %n report(s) for %1.</source>
            <translation>
                <numerusform>Sealed %n report for %1.</numerusform>
                <numerusform>Sealed %n reports for %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Written to %1 (bundle of %2):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  %1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  %1 — %2 (part %3 of %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next: carry or send this file to HQ by any channel.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.</source>
            <translation>
                <numerusform>Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.</numerusform>
                <numerusform>Next: carry or send all %n files to HQ by any channel; HQ needs every part, in any order.</numerusform>
            </translation>
        </message>
        <message>
            <source>The reports count as delivered only when HQ's receipt has been imported here (Exchange → Import receipt…). Do not purge them before that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export cancelled: no file was left and no report changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The export failed: %1 No file was left and no report changed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FieldExchange</name>
        <message>
            <source>Purge delivered reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No report is waiting to be purged: HQ's receipts have not confirmed any report that is still here.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Purge %n delivered report(s)?</source>
            <translation>
                <numerusform>Purge %n delivered report?</numerusform>
                <numerusform>Purge %n delivered reports?</numerusform>
            </translation>
        </message>
        <message>
            <source>HQ's receipts confirm it holds them. Their content and attachments will be erased from this vault for good; a stub (id, hash, dates, delivery state) and the custody log stay. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Purge %n report(s)</source>
            <translation>
                <numerusform>&amp;Purge %n report</numerusform>
                <numerusform>&amp;Purge %n reports</numerusform>
            </translation>
        </message>
        <message>
            <source>Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The purge failed: %1 Nothing was purged.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Purged %n report(s). Their stubs stay in the list, marked purged.</source>
            <translation>
                <numerusform>Purged %n report. Its stub stays in the list, marked purged.</numerusform>
                <numerusform>Purged %n reports. Their stubs stay in the list, marked purged.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FilePicker</name>
        <message>
            <source>Files and folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Path:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::FirstRunWizard</name>
        <message>
            <source>Create a vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault is an encrypted folder on this computer. Without the passphrase it reveals nothing but its existence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the vault folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vault folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The name is shown to HQ on your card. A pseudonym is fine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anyone with this passphrase can read the vault. If you forget it, nobody can recover the vault's content.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duress passphrase (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If you are forced to open the vault, type the duress passphrase instead. It silently destroys the vault's content and opens an empty vault that looks normal. Nothing in the vault's files shows whether a duress passphrase exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ card (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import the card of the organisation you report to. Then compare its safety number with HQ by phone or in person: if the numbers differ, the card is not theirs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import HQ card…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import HQ card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Set a duress passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No card imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I &amp;compared the safety number with HQ and it matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fieldseal — first run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ (receiving organisation)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name on your card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set a duress passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safety number compared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This card belongs to a field researcher, not to an HQ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Card of: %1
Safety number:
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating the vault… (deriving keys takes a few seconds)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault was not created</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::HqImportPage</name>
        <message>
            <source>Add &amp;file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add fol&amp;der…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;lear results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;ancel import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop bundle files or folders here, or add them with the buttons. The parts of a split bundle must be imported together: drop them at once, or add their folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop area for bundle files and folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a bundle file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a folder of bundle files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear the import results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Possibly lost bundles (gaps in a sender's numbering):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possibly lost bundles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock the vault first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing… (more files wait for their turn)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was imported: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Import finished: %n bundle(s).</source>
            <translation>
                <numerusform>Import finished: %n bundle.</numerusform>
                <numerusform>Import finished: %n bundles.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) not imported; they changed nothing. The table says why.</source>
            <translation>
                <numerusform>%n bundle not imported; it changed nothing. The table says why.</numerusform>
                <numerusform>%n bundles not imported; they changed nothing. The table says why.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) held in quarantine.</source>
            <translation>
                <numerusform>%n bundle held in quarantine.</numerusform>
                <numerusform>%n bundles held in quarantine.</numerusform>
            </translation>
        </message>
        <message>
            <source>None: every sender's bundles arrived in sequence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a bundle file to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a folder of bundle files</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ImportResultsModel</name>
        <message>
            <source>Not a contact (key %1…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quarantined</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parts missing</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n new report(s); attachments: %1; the sender's bundle no. %2.</source>
            <translation>
                <numerusform>%n new report; attachments: %1; the sender's bundle no. %2.</numerusform>
                <numerusform>%n new reports; attachments: %1; the sender's bundle no. %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new report(s); the sender's bundle no. %1.</source>
            <translation>
                <numerusform>%n new report; the sender's bundle no. %1.</numerusform>
                <numerusform>%n new reports; the sender's bundle no. %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) were already held.</source>
            <translation>
                <numerusform>%n report was already held.</numerusform>
                <numerusform>%n reports were already held.</numerusform>
            </translation>
        </message>
        <message>
            <source>Already in quarantine; nothing changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported before; nothing changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed correctly, but the sender is not a contact. Review it on the Quarantine page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possibly lost: bundle %1 from %2 never arrived. Ask the sender to export again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possibly lost: bundles %1 to %2 from %3 never arrived. Ask the sender to export again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::MainWindow</name>
        <message>
            <source>fieldseal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Panic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+Del</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Destroy the vault now (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock the vault now (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no vault in this folder yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault was destroyed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quarantine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export to HQ…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import receipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Purge delivered…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import bundles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+I</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create &amp;receipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quarantine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Exchange</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The open report is reloaded in the new language: changes not yet saved are lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::PartialDateEdit</name>
        <message>
            <source>YYYY-MM-DD, YYYY-MM, YYYY or empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date precision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not a date)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>precision: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::PassphraseField</name>
        <message>
            <source>S&amp;how passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strength:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Generate a passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate a passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>very weak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>weak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>strong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>very strong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (about %2 bits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrases match.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrases differ.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::QuarantinePage</name>
        <message>
            <source>&amp;Load sender's card…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I &amp;compared the safety number with the researcher (in person or by phone) and every digit matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Drop…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender's signing key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quarantined bundles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Held bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender's card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Does the card match the sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quarantine status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Load the sender's card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safety number compared with the researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accept the bundle and add the sender as a contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop the bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These bundles verified, but their sender is not a contact. Get the sender's card through another channel, load it, and compare its safety number with the researcher in person or by phone before you accept. If in doubt, drop the bundle: the researcher can send it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quarantine could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (now a contact)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quarantine is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a held bundle.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Held bundle: %n report(s), sealed %1, received %2.
Sender's signing key: %3</source>
            <translation>
                <numerusform>Held bundle: %n report, sealed %1, received %2.
Sender's signing key: %3</numerusform>
                <numerusform>Held bundle: %n reports, sealed %1, received %2.
Sender's signing key: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Safety number: load the sender's card. A safety number is computed from both of the sender's keys, and a bundle carries only the signing key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sender has become a contact (%1): you can accept the bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>field researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Card of: %1 (%2)
Signing key: %3
Safety number:
%4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MISMATCH: this card's signing key is not the sender of the selected bundle. Do not accept; ask the researcher for their card again through another channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is an HQ card; a bundle's sender must be a field researcher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MATCH: this card's signing key is the sender of the selected bundle. Now compare the safety number with the researcher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the sender's card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing the held bundle…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not accepted; the bundle stays in quarantine and no contact was added: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete this held bundle (%n report(s)) from the vault? Its reports are not imported. The researcher can send them again.</source>
            <translation>
                <numerusform>Delete this held bundle (%n report) from the vault? Its reports are not imported. The researcher can send them again.</numerusform>
                <numerusform>Delete this held bundle (%n reports) from the vault? Its reports are not imported. The researcher can send them again.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Drop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle was not dropped: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle was dropped.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReceiptDialog</name>
        <message>
            <source>Other &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Text (ASCII armor) for channels that only take text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Researchers and what was received from each</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Destination folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose another destination folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the receipt as text (ASCII armor)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the receipt for the selected researcher</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A receipt tells a researcher which of their reports HQ holds. It is encrypted to the researcher and signed by this vault, so it may travel by any channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Researcher:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Destination:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (removable drive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where to write the receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no researchers' cards among the contacts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the receipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No receipt was written: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt for %1 written to:
%2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>It lists %n report(s)</source>
            <translation>
                <numerusform>It lists %n report</numerusform>
                <numerusform>It lists %n reports</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>from %n bundle(s).</source>
            <translation>
                <numerusform>from %n bundle.</numerusform>
                <numerusform>from %n bundles.</numerusform>
            </translation>
        </message>
        <message>
            <source>Give the file to the researcher by any channel. When their vault imports it, those reports are marked delivered there and can then be purged from their laptop.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReceiptImportDialog</name>
        <message>
            <source>&amp;Add file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import HQ's receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A receipt is a file HQ sends back once it holds your reports. Importing it marks those reports delivered; only delivered reports can be purged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt files and results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt &amp;files:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a receipt file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import the receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt import status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HQ's receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the receipts…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected: %1 Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n report(s) newly delivered</source>
            <translation>
                <numerusform>%n report newly delivered</numerusform>
                <numerusform>%n reports newly delivered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already delivered</source>
            <translation>
                <numerusform>%n already delivered</numerusform>
                <numerusform>%n already delivered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not exported from here (ignored)</source>
            <translation>
                <numerusform>%n not exported from here (ignored)</numerusform>
                <numerusform>%n not exported from here (ignored)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n purged at once (purge on receipt)</source>
            <translation>
                <numerusform>%n purged at once (purge on receipt)</numerusform>
                <numerusform>%n purged at once (purge on receipt)</numerusform>
            </translation>
        </message>
        <message>
            <source>Receipt from %1: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n receipt(s) rejected; the others were applied.</source>
            <translation>
                <numerusform>%n receipt rejected; the others were applied.</numerusform>
                <numerusform>%n receipts rejected; the others were applied.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportEditor</name>
        <message>
            <source>Start date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Finalize…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;urge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back to list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editor status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. police station, street, town</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>latitude,longitude (optional), e.g. 55.7558,37.6173</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>comma-separated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Narrative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;End date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Coordinates:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ta&amp;gs:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type of act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Victim (person ref)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Perpetrator (person ref)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a&amp;ct</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ref</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name or pseudonym</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal name (sensitive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date (sensitive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact (sensitive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes (sensitive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Persons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Persons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person ref</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources and consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attachments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an attachment from a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Image preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an attachment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custody log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report sections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalize</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report needs a title.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The start date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The end date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates must be latitude,longitude in degrees, e.g. 55.7558,37.6173.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The date of act %1 must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person %1 needs at least one role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New report (not saved yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2, %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>finalized %1; signed, cannot be edited, only amended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>content purged %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivery: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalize the report?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalizing signs the report with your key and freezes it. It cannot be edited afterwards, only amended. Attachments cannot be added after this. Unsaved changes are saved first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Finalize</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalizing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purge the report?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purging removes the report's content and attachments from the vault for good; even the passphrase will not bring them back. A stub with the id, dates, hash and delivery state stays, with the custody log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purging…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adding the attachment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No preview for this type of file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too large to preview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The image could not be decoded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;mend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendments to the final report appear here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an amendment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendment of %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendment text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amendment is signed with your key and kept with the report; the report itself stays as it was finalized.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add amendment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add amendment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adding the amendment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add fi&amp;le…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sta&amp;rt date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;lace:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Regi&amp;on:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Narrative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add pers&amp;on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add s&amp;ource</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attac&amp;hments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custod&amp;y log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve attachment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender and verification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the selected attachment to a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an unknown sender (signing key %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (signing key %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received from %1 on %2 UTC. Signatures and custody chain verified on import, %3 UTC. Imported reports are read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This file comes from outside this vault: a researcher's device or anyone who handled it may have made it harmful. Opening it can infect this computer. Open it only on a computer kept apart for that, never on this one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save a file from outside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the attachment into</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A file named %1 is already in that folder: nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving the attachment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1 (SHA-256 checked).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The attachment was not saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No preview of files from outside.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>finalized %1 by its author</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportListModel</name>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent by %1 (signing key %2); received %3 UTC; signatures and custody chain verified %4 UTC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verified (UTC)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::ReportsPage</name>
        <message>
            <source>&amp;New report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafts and final</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by type of act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident date to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search titles, narratives, places, names, tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Act:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;earch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A date must be YYYY, YYYY-MM or YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n report</numerusform>
                <numerusform>%n reports</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) shown; more load as you scroll</source>
            <translation>
                <numerusform>%n report shown; more load as you scroll</numerusform>
                <numerusform>%n reports shown; more load as you scroll</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>fieldseal::gui::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock after minutes without input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock the vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Destroy the vault (panic wipe)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panic button action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock after &amp;idle:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Panic button:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panic wipe destroys the vault at once, without asking. Nothing can bring it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The window switches to a new language at once; the vault stays unlocked.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fieldseal::gui::UnlockWidget</name>
        <message>
            <source>&amp;Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a &amp;new vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vault folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a new vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the vault folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlocking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fieldseal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Vault folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the passphrase…</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
