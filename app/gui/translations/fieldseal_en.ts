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
            <source>A new language applies when fieldseal starts next.</source>
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
