<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+401"/>
        <source>%Ln patient(s) of cohort A</source>
        <translation>
            <numerusform>%Ln patient of cohort A</numerusform>
            <numerusform>%Ln patients of cohort A</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+97"/>
        <location filename="../../mesolog/ui/patients/patient_list_panel.py" line="+196"/>
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/practice_safety.py" line="+101"/>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;%n lot(s) stand out&lt;/b&gt;: {lots}.</source>
        <translation>
            <numerusform>&lt;b style=&apos;color:#b00020&apos;&gt;%n lot stands out&lt;/b&gt;: {lots}.</numerusform>
            <numerusform>&lt;b style=&apos;color:#b00020&apos;&gt;%n lots stand out&lt;/b&gt;: {lots}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+150"/>
        <source>From the injection map: %Ln point(s)</source>
        <translation>
            <numerusform>From the injection map: %Ln point</numerusform>
            <numerusform>From the injection map: %Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+162"/>
        <source>{product} lot {lot} has %Ln point(s) on the injection map. Remove them there first (select them and press Delete, or Clear Zone).</source>
        <translation>
            <numerusform>{product} lot {lot} has %Ln point on the injection map. Remove them there first (select them and press Delete, or Clear Zone).</numerusform>
            <numerusform>{product} lot {lot} has %Ln points on the injection map. Remove them there first (select them and press Delete, or Clear Zone).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%Ln product(s), total {volume} ml</source>
        <translation>
            <numerusform>%Ln product, total {volume} ml</numerusform>
            <numerusform>%Ln products, total {volume} ml</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/due_view.py" line="+28"/>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+29"/>
        <source>%Ln day(s) late</source>
        <translation>
            <numerusform>%Ln day late</numerusform>
            <numerusform>%Ln days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+1"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>in %Ln day</numerusform>
            <numerusform>in %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+162"/>
        <source>{ingredient} {volume} ml in %Ln session(s)</source>
        <translation>
            <numerusform>{ingredient} {volume} ml in %Ln session</numerusform>
            <numerusform>{ingredient} {volume} ml in %Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/injection_map/map_tools.py" line="+43"/>
        <source>{zone} filled with %Ln point(s) {spacing} cm apart.</source>
        <translation>
            <numerusform>{zone} filled with %Ln point {spacing} cm apart.</numerusform>
            <numerusform>{zone} filled with %Ln points {spacing} cm apart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln point(s) removed from {zone} on all views.</source>
        <translation>
            <numerusform>%Ln point removed from {zone} on all views.</numerusform>
            <numerusform>%Ln points removed from {zone} on all views.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <location line="+1"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+48"/>
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln point(s) copied from the session of {day} (Ctrl+Z takes them back).</source>
        <translation>
            <numerusform>%Ln point copied from the session of {day} (Ctrl+Z takes them back).</numerusform>
            <numerusform>%Ln points copied from the session of {day} (Ctrl+Z takes them back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln of them were of a product not in this session and now use the next point&apos;s lot: check them.</source>
        <translation>
            <numerusform>%Ln of them was of a product not in this session and now use the next point&apos;s lot: check them.</numerusform>
            <numerusform>%Ln of them were of a product not in this session and now use the next point&apos;s lot: check them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+11"/>
        <source>open, %Ln day(s)</source>
        <translation>
            <numerusform>open, %Ln day</numerusform>
            <numerusform>open, %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+134"/>
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln patient(s).</source>
        <translation>
            <numerusform>%Ln patient.</numerusform>
            <numerusform>%Ln patients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+81"/>
        <source>%Ln open side effect(s). Double-click to open the patient; Resolve… when it has settled.</source>
        <translation>
            <numerusform>%Ln open side effect. Double-click to open the patient; Resolve… when it has settled.</numerusform>
            <numerusform>%Ln open side effects. Double-click to open the patient; Resolve… when it has settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/common/list_export.py" line="+45"/>
        <source>%Ln row(s) written to {file}.</source>
        <translation>
            <numerusform>%Ln row written to {file}.</numerusform>
            <numerusform>%Ln rows written to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/encryption_actions.py" line="+129"/>
        <source>%Ln photo file(s) missing or changed since they were attached were left as they were found.</source>
        <translation>
            <numerusform>%Ln photo file missing or changed since they were attached was left as they were found.</numerusform>
            <numerusform>%Ln photo files missing or changed since they were attached were left as they were found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/file_actions.py" line="+173"/>
        <source>%Ln row(s) were left out: the duplicates and the refused rows.</source>
        <translation>
            <numerusform>%Ln row was left out: the duplicates and the refused rows.</numerusform>
            <numerusform>%Ln rows were left out: the duplicates and the refused rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln patient(s) imported.</source>
        <translation>
            <numerusform>%Ln patient imported.</numerusform>
            <numerusform>%Ln patients imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>%Ln photo file(s) were missing.</source>
        <translation>
            <numerusform>%Ln photo file was missing.</numerusform>
            <numerusform>%Ln photo files were missing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>{name}&apos;s FHIR bundle, %Ln photo(s) and progress report are in {folder}.</source>
        <translation>
            <numerusform>{name}&apos;s FHIR bundle, %Ln photo and progress report are in {folder}.</numerusform>
            <numerusform>{name}&apos;s FHIR bundle, %Ln photos and progress report are in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{name}&apos;s record, %Ln photo(s) and progress report are in {folder}.</source>
        <translation>
            <numerusform>{name}&apos;s record, %Ln photo and progress report are in {folder}.</numerusform>
            <numerusform>{name}&apos;s record, %Ln photos and progress report are in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/injection_map/map_editor.py" line="+227"/>
        <source>Move %Ln point(s)</source>
        <translation>
            <numerusform>Move %Ln point</numerusform>
            <numerusform>Move %Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Delete %Ln point(s)</source>
        <translation>
            <numerusform>Delete %Ln point</numerusform>
            <numerusform>Delete %Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln point(s) deleted (Ctrl+Z brings them back).</source>
        <translation>
            <numerusform>%Ln point deleted (Ctrl+Z brings them back).</numerusform>
            <numerusform>%Ln points deleted (Ctrl+Z brings them back).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>%Ln point(s) selected, in {zone}.</source>
        <translation>
            <numerusform>%Ln point selected, in {zone}.</numerusform>
            <numerusform>%Ln points selected, in {zone}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/patients/history_dialog.py" line="+24"/>
        <source>%Ln recorded change(s), newest first. The history cannot be edited.</source>
        <translation>
            <numerusform>%Ln recorded change, newest first. The history cannot be edited.</numerusform>
            <numerusform>%Ln recorded changes, newest first. The history cannot be edited.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/patients/patient_form.py" line="+269"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/printing/report_dialog.py" line="+168"/>
        <source>%Ln page(s), {paper}</source>
        <translation>
            <numerusform>%Ln page, {paper}</numerusform>
            <numerusform>%Ln pages, {paper}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>The pages chosen are not in the report: it has %Ln page(s).</source>
        <translation>
            <numerusform>The pages chosen are not in the report: it has %Ln page.</numerusform>
            <numerusform>The pages chosen are not in the report: it has %Ln pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/scanner_preferences.py" line="+77"/>
        <source>Received %Ln character(s), ended by {key}:</source>
        <translation>
            <numerusform>Received %Ln character, ended by {key}:</numerusform>
            <numerusform>Received %Ln characters, ended by {key}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln separator(s) between fields.</source>
        <translation>
            <numerusform>%Ln separator between fields.</numerusform>
            <numerusform>%Ln separators between fields.</numerusform>
        </translation>
    </message>
</context>
</TS>
