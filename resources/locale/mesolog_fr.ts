<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../mesolog/ui/account_actions.py" line="+22"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who may log in, their roles, and when they last did</source>
        <translation>Qui peut se connecter, avec quel rôle, et quand pour la dernière fois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;Password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log Out / Switch User…</source>
        <translation>Se &amp;déconnecter / changer d’utilisateur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out; the next person logs in</source>
        <translation>Se déconnecter ; la personne suivante se connecte</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/accounts_dialog.py" line="+36"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reactivate — {name}</source>
        <translation>Réactiver — {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password — {name}</source>
        <translation>Réinitialiser le mot de passe — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} logs in with this password once, and then chooses their own.</source>
        <translation>{name} se connecte une fois avec ce mot de passe, puis choisit le sien.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../mesolog/ui/login.py" line="+153"/>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/login.py" line="-109"/>
        <location line="+110"/>
        <source>&amp;Repeat</source>
        <translation>&amp;Répéter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../mesolog/ui/login.py" line="-103"/>
        <location line="+108"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add Account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;Role…</source>
        <translation>Changer le &amp;rôle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;Password…</source>
        <translation>Réinitialiser le mot de &amp;passe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Accounts are never deleted: a deactivated account cannot log in, and what its owner signed stays theirs.</source>
        <translation>Les comptes ne sont jamais supprimés : un compte désactivé ne peut plus se connecter, et ce que son titulaire a signé reste à son nom.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(new password to choose)</source>
        <translation>(nouveau mot de passe à choisir)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Re&amp;activate</source>
        <translation>Ré&amp;activer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role of {name}:</source>
        <translation>Rôle de {name} :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role not changed</source>
        <translation>Rôle non modifié</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivate {name}&apos;s account? They can no longer log in; what they recorded and signed stays theirs.</source>
        <translation>Désactiver le compte de {name} ? Cette personne ne pourra plus se connecter ; ce qu’elle a enregistré et signé reste à son nom.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/catalogue_dialog.py" line="+71"/>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="+160"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+47"/>
        <source>Products and lots</source>
        <translation>Produits et lots</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New Product</source>
        <translation>&amp;Nouveau produit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan a vial: fills the GTIN, or finds the product</source>
        <translation>Scanner un flacon : remplit le GTIN ou retrouve le produit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One a line: name, concentration
Minoxidil, 0.5 %
Biotin, 5 mg/ml</source>
        <translation>Un par ligne : nom, concentration
Minoxidil, 0,5 %
Biotine, 5 mg/ml</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Product</source>
        <translation>&amp;Enregistrer le produit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../mesolog/ui/login.py" line="-118"/>
        <location filename="../../mesolog/ui/outcomes/outcome_dialogs.py" line="+48"/>
        <location filename="../../mesolog/ui/treatment/treatment_dialogs.py" line="+129"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maker</source>
        <translation>&amp;Fabricant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;GTIN</source>
        <translation>&amp;GTIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ingredients</source>
        <translation>&amp;Composants</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lot number</source>
        <translation>Numéro de lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>opened</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;Lot</source>
        <translation>Ajouter le &amp;lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/window_menus.py" line="+97"/>
        <source>&amp;Who Received This Lot…</source>
        <translation>&amp;Qui a reçu ce lot…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expires</source>
        <translation>expire</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>expired</source>
        <translation>périmé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in date</source>
        <translation>valide</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the product first, then add its lots.</source>
        <translation>Enregistrez d’abord le produit, puis ajoutez ses lots.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+230"/>
        <source>Expired lot</source>
        <translation>Lot périmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This lot expired on {day}. Add it to the catalogue anyway (to record a session that used it, say)?</source>
        <translation>Ce lot est périmé depuis le {day}. L’ajouter quand même au catalogue (pour enregistrer une séance qui l’a utilisé, par exemple) ?</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+7"/>
        <source>Not added</source>
        <translation>Non ajouté</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+49"/>
        <source>{read} read: no product with this GTIN in the catalogue, so no patient has received it.</source>
        <translation>{read} lu : aucun produit de ce GTIN au catalogue, donc aucun patient ne l’a reçu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{read} read: this lot of {product} is not in the catalogue, so no patient has received it.</source>
        <translation>{read} lu : ce lot de {product} n’est pas au catalogue, donc aucun patient ne l’a reçu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>Who received this lot</source>
        <translation>Qui a reçu ce lot</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Show Who Received It</source>
        <translation>&amp;Voir qui l’a reçu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lot</source>
        <translation>&amp;Lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the vial, or choose its lot.</source>
        <translation>Scannez le flacon, ou choisissez son lot.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scan the vial, or choose its lot in the list.</source>
        <translation>Scannez le flacon, ou choisissez son lot dans la liste.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Who received {product} lot {lot}</source>
        <translation>Qui a reçu {product}, lot {lot}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln séance</numerusform>
            <numerusform>%Ln séances</numerusform>
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
    <message>
        <location line="+2"/>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/clinic_list_window.py" line="+54"/>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+8"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+1"/>
        <source>Who received the lot, for a spreadsheet</source>
        <translation>Qui a reçu le lot, pour un tableur</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../mesolog/ui/printing/report_dialog.py" line="+85"/>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="+28"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/clinic_list_window.py" line="+1"/>
        <source>The list as it is shown, for a spreadsheet</source>
        <translation>La liste telle qu’affichée, pour un tableur</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/due_view.py" line="+22"/>
        <source>Late</source>
        <translation>Retard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course</source>
        <translation>Cure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Faites</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{done} of {planned}</source>
        <translation>{done} sur {planned}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Due and overdue</source>
        <translation>À faire et en retard</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+217"/>
        <location filename="../../mesolog/ui/treatment/treatment_dialogs.py" line="-84"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue, due today, and due in the next</source>
        <translation>En retard, prévues aujourd’hui, et dans les</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{late} overdue, {soon} due today or soon. Double-click a patient to open the chart.</source>
        <translation>{late} en retard, {soon} prévues aujourd’hui ou bientôt. Double-cliquez sur un patient pour ouvrir son dossier.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+38"/>
        <source>{days} d</source>
        <translation>{days} j</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open side effects</source>
        <translation>Effets indésirables en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>grade ≥ </source>
        <translation>grade ≥ </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All lots</source>
        <translation>Tous les lots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Resolve…</source>
        <translation>&amp;Résoudre…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+50"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%Ln open side effect(s). Double-click to open the patient; Resolve… when it has settled.</source>
        <translation>
            <numerusform>%Ln effet indésirable en cours. Double-cliquez pour ouvrir le patient ; Résoudre… quand il a disparu.</numerusform>
            <numerusform>%Ln effets indésirables en cours. Double-cliquez pour ouvrir le patient ; Résoudre… quand ils ont disparu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/outcome_choices.py" line="+26"/>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+31"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location line="-3"/>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First session from</source>
        <translation>Première séance du</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age at the first session</source>
        <translation>Âge à la première séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product given</source>
        <translation>Produit administré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least</source>
        <translation>Au moins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> session(s)</source>
        <translation> séance(s)</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="-193"/>
        <source>&lt;b&gt;{patients}&lt;/b&gt; patients in the cohort: &lt;b&gt;{analysed}&lt;/b&gt; analysed, {lost} lost to follow-up, {not_due} not due yet, {no_baseline} without a baseline.</source>
        <translation>&lt;b&gt;{patients}&lt;/b&gt; patients dans la cohorte : &lt;b&gt;{analysed}&lt;/b&gt; analysés, {lost} perdus de vue, {not_due} pas encore à échéance, {no_baseline} sans valeur initiale.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{patients}&lt;/b&gt; patients in the cohort: &lt;b&gt;{analysed}&lt;/b&gt; analysed, {lost} lost to follow-up, {not_due} not due yet.</source>
        <translation>&lt;b&gt;{patients}&lt;/b&gt; patients dans la cohorte : &lt;b&gt;{analysed}&lt;/b&gt; analysés, {lost} perdus de vue, {not_due} pas encore à échéance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+411"/>
        <source>Nobody has a follow-up at this time point yet.</source>
        <translation>Personne n’a encore de suivi à ce moment.</translation>
    </message>
    <message>
        <location line="-409"/>
        <source>Mean change: &lt;b&gt;{mean}&lt;/b&gt; {unit}; median {median}, quartiles {q1} to {q3}; SD {sd}.</source>
        <translation>Variation moyenne : &lt;b&gt;{mean}&lt;/b&gt; {unit} ; médiane {median}, quartiles {q1} à {q3} ; ET {sd}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean score: &lt;b&gt;{mean}&lt;/b&gt; {unit}; median {median}, quartiles {q1} to {q3}; SD {sd}.</source>
        <translation>Score moyen : &lt;b&gt;{mean}&lt;/b&gt; {unit} ; médiane {median}, quartiles {q1} à {q3} ; ET {sd}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Responders ({rule}): {responders} of {analysed}, &lt;b&gt;{rate}&lt;/b&gt; (Wilson).</source>
        <translation>Répondeurs ({rule}) : {responders} sur {analysed}, &lt;b&gt;{rate}&lt;/b&gt; (Wilson).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;A minus B&lt;/b&gt;</source>
        <translation>&lt;b&gt;A moins B&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference in mean change: &lt;b&gt;{difference}&lt;/b&gt; {unit} (Welch).</source>
        <translation>Différence de variation moyenne : &lt;b&gt;{difference}&lt;/b&gt; {unit} (Welch).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference in mean change: each cohort needs two patients analysed.</source>
        <translation>Différence de variation moyenne : chaque cohorte doit compter deux patients analysés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference in responder rates: &lt;b&gt;{difference}&lt;/b&gt; (Newcombe).</source>
        <translation>Différence des taux de répondeurs : &lt;b&gt;{difference}&lt;/b&gt; (Newcombe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference in responder rates: —</source>
        <translation>Différence des taux de répondeurs : —</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/due_view.py" line="-46"/>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="-13"/>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="-54"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+5"/>
        <source>Chart no.</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+0"/>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+0"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+0"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+0"/>
        <source>First session</source>
        <translation>Première séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts as</source>
        <translation>Compté comme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>Valeur initiale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Responder</source>
        <translation>Répondeur</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/accounts_dialog.py" line="-62"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+16"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/practice_outcomes_window.py" line="+9"/>
        <source>{arm}: {events} of {n} ({published}; {share})</source>
        <translation>{arm} : {events} sur {n} ({published} ; {share})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show a cohort to see its responders here.</source>
        <translation>Affichez une cohorte pour voir ici ses répondeurs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Side Effects (Safety) to see the practice&apos;s share here.</source>
        <translation>Affichez les effets indésirables (Tolérance) pour voir ici la part du cabinet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{citation} doi:{doi}, PMID {pmid}; read from {where}.</source>
        <translation>{citation} doi:{doi}, PMID {pmid} ; lu dans {where}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every patient of the cohort</source>
        <translation>Tous les patients de la cohorte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysed</source>
        <translation>Analysés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responders</source>
        <translation>Répondeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysed, not responding</source>
        <translation>Analysés, non répondeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost to follow-up</source>
        <translation>Perdus de vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not due yet</source>
        <translation>Pas encore à échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without a baseline</source>
        <translation>Sans valeur initiale</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Outcomes across the practice</source>
        <translation>Résultats de l’ensemble du cabinet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compared with (B)</source>
        <translation>Comparée à (B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with a second cohort</source>
        <translation>Comparer à une seconde cohorte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{months} months</source>
        <translation>{months} mois</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Critère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up within</source>
        <translation>Suivi à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Density measured at</source>
        <translation>Densité mesurée sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A responder gains</source>
        <translation>Un répondeur gagne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a cohort and an outcome, then Show.</source>
        <translation>Choisissez une cohorte et un critère, puis Afficher.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Numbers</source>
        <translation>&amp;Chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chart</source>
        <translation>&amp;Graphique</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Patients</source>
        <translation>&amp;Patients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;fety</source>
        <translation>&amp;Tolérance</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>P&amp;ublished</source>
        <translation>P&amp;ubliés</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What these pages show, under the clinic&apos;s letterhead</source>
        <translation>Ce que montrent ces pages, sous l’en-tête du cabinet</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Computing…</source>
        <translation>Calcul…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Computing the outcomes</source>
        <translation>Calcul des résultats</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes across the practice.pdf</source>
        <translation>Résultats du cabinet.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../mesolog/ui/common/form_dialog.py" line="+59"/>
        <location filename="../../mesolog/ui/patients/patient_form.py" line="+305"/>
        <location filename="../../mesolog/ui/printing/report_dialog.py" line="+106"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln patient(s) of cohort A</source>
        <translation>
            <numerusform>%Ln patient de la cohorte A</numerusform>
            <numerusform>%Ln patients de la cohorte A</numerusform>
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
    <message>
        <location line="-60"/>
        <source>No course to draw for this outcome (stages of different scales do not average).</source>
        <translation>Pas d’évolution à tracer pour ce critère (on ne fait pas la moyenne de stades d’échelles différentes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mean course, month by month — {outcome}</source>
        <translation>Évolution moyenne, mois par mois — {outcome}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Months after the first session</source>
        <translation>Mois après la première séance</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{cohort}: mean ({counts} patients a month)</source>
        <translation>{cohort} : moyenne ({counts} patients par mois)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean ({counts} patients a month)</source>
        <translation>Moyenne ({counts} patients par mois)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Spread of the changes at {months} months ({unit})</source>
        <translation>Dispersion des variations à {months} mois ({unit})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spread of the scores at {months} months ({unit})</source>
        <translation>Dispersion des scores à {months} mois ({unit})</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../mesolog/ui/clinic/practice_safety.py" line="+42"/>
        <source>{low} to {high}</source>
        <translation>{low} à {high}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>patients</source>
        <translation>patients</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/practice_safety.py" line="-14"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../mesolog/ui/patients/history_dialog.py" line="+27"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../mesolog/ui/outcomes/outcomes_panel.py" line="+222"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/treatment/session_side_effects.py" line="+42"/>
        <source>Side effects</source>
        <translation>Effets indésirables</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per 100 sessions</source>
        <translation>Pour 100 séances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95 % CI</source>
        <translation>IC à 95 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stands out</source>
        <translation>Se distingue</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes (p = {p})</source>
        <translation>oui (p = {p})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sessions from</source>
        <translation>Séances du</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;Side Effects</source>
        <translation>Afficher les &amp;effets indésirables</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Side effects per 100 sessions, by kind, grade, product and lot, with exact 95 % intervals; a lot whose rate stands out from the practice&apos;s is flagged.</source>
        <translation>Effets indésirables pour 100 séances, par type, grade, produit et lot, avec intervalles exacts à 95 % ; un lot dont le taux se distingue de celui du cabinet est signalé.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Counting the side effects</source>
        <translation>Décompte des effets indésirables</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;%n lot(s) stand out&lt;/b&gt;: {lots}.</source>
        <translation>
            <numerusform>&lt;b style=&apos;color:#b00020&apos;&gt;%n lot se distingue&lt;/b&gt; : {lots}.</numerusform>
            <numerusform>&lt;b style=&apos;color:#b00020&apos;&gt;%n lots se distinguent&lt;/b&gt; : {lots}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No lot stands out.</source>
        <translation>Aucun lot ne se distingue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{events} side effects in {sessions} sessions: &lt;b&gt;{rate}&lt;/b&gt; per 100 sessions. {standing} A session given several products counts for each.</source>
        <translation>{events} effets indésirables en {sessions} séances : &lt;b&gt;{rate}&lt;/b&gt; pour 100 séances. {standing} Une séance avec plusieurs produits compte pour chacun.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/preferences.py" line="+57"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The system&apos;s ({language})</source>
        <translation>Celle du système ({language})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language (this desk)</source>
        <translation>Langue (ce poste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates and numbers</source>
        <translation>Dates et nombres</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back up automatically when Mesolog closes (once a day)</source>
        <translation>Sauvegarder automatiquement à la fermeture de Mesolog (une fois par jour)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../mesolog/ui/outcomes/outcome_dialogs.py" line="+182"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups and lock (this desk)</source>
        <translation>Sauvegardes et verrouillage (ce poste)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup &amp;folder</source>
        <translation>&amp;Dossier des sauvegardes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept: the newest backup of each of the last {days} days and of the last {weeks} weeks.</source>
        <translation>Conservées : la plus récente sauvegarde de chacun des {days} derniers jours et des {weeks} dernières semaines.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lock after</source>
        <translation>&amp;Verrouiller après</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A logo is set.</source>
        <translation>Un logo est défini.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+33"/>
        <source>No logo.</source>
        <translation>Pas de logo.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Choose &amp;Logo…</source>
        <translation>Choisir le &amp;logo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every report is laid out for this paper; printed on other paper, its pages are fitted to it</source>
        <translation>Chaque compte rendu est mis en page pour ce papier ; imprimé sur un autre papier, ses pages y sont ajustées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letterhead on printed reports (shared by every desk)</source>
        <translation>En-tête des comptes rendus imprimés (commun à tous les postes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic &amp;name</source>
        <translation>&amp;Nom du cabinet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Paper</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/error_home.py" line="+47"/>
        <source>Mesolog: something went wrong</source>
        <translation>Mesolog : un problème est survenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is written in {file}.</source>
        <translation>Il est consigné dans {file}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you were doing was not finished. Whatever is open and not yet saved is still open: save it if you can. If this happens again, send the details to whoever supports your Mesolog.</source>
        <translation>Ce que vous faisiez n’a pas abouti. Ce qui est ouvert et pas encore enregistré l’est toujours : enregistrez-le si vous le pouvez. Si cela se reproduit, envoyez les détails à la personne qui assure le support de votre Mesolog.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/list_export.py" line="+36"/>
        <source>Export List</source>
        <translation>Exporter la liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet (CSV) (*.csv);;All files (*)</source>
        <translation>Tableur (CSV) (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>List exported</source>
        <translation>Liste exportée</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) written to {file}.</source>
        <translation>
            <numerusform>%Ln ligne écrite dans {file}.</numerusform>
            <numerusform>%Ln lignes écrites dans {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List not exported</source>
        <translation>Liste non exportée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting the list</source>
        <translation>Export de la liste</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/long_work.py" line="+55"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped; nothing of it was kept.</source>
        <translation>Arrêté ; rien n’en a été conservé.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/prompts.py" line="+27"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} has changes that are not saved.</source>
        <translation>{what} : des modifications ne sont pas enregistrées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before you go on?</source>
        <translation>Les enregistrer avant de continuer ?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>this day</source>
        <translation>ce jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign session</source>
        <translation>Signer la séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign the session of {when} as {signer}?

A signed session is read-only; later changes are amendments with a reason.</source>
        <translation>Signer la séance du {when} en tant que {signer} ?

Une séance signée est en lecture seule ; les modifications ultérieures sont des avenants motivés.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/encryption_actions.py" line="+20"/>
        <source>{name} is not encrypted: anyone who copies the file, or its photos, reads every record without a password. Encrypting makes a checked encrypted copy and puts it in its place; the plain file is kept aside, still readable, until you delete it.</source>
        <translation>{name} n’est pas chiffrée : quiconque copie le fichier, ou ses photos, lit tous les dossiers sans mot de passe. Le chiffrement fait une copie chiffrée vérifiée et la met à sa place ; le fichier en clair est mis de côté, toujours lisible, jusqu’à ce que vous le supprimiez.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Encrypt database</source>
        <translation>Chiffrer la base</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other accounts log in again once you set them a new password (Clinic ▸ Accounts).</source>
        <translation>Les autres comptes se reconnectent une fois que vous leur avez donné un nouveau mot de passe (Cabinet ▸ Comptes).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your &amp;password</source>
        <translation>Votre &amp;mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt</source>
        <translation>Chiffrer</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+41"/>
        <source>Not encrypted</source>
        <translation>Non chiffrée</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Encrypt…</source>
        <translation>Chiffrer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not Now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File ▸ Encrypt Database does it later.</source>
        <translation>Fichier ▸ Chiffrer la base le fera plus tard.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Encrypted</source>
        <translation>Chiffrée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database is as it was, still plain.</source>
        <translation>La base est restée telle quelle, en clair.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encrypting</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is encrypted. The plain copy is kept as {copy} (its photos in {photos}): anyone can still read it. Delete it once a backup of the encrypted database is made.

Log in again to go on; the recovery key is shown next: write it down.</source>
        <translation>{name} est chiffrée. La copie en clair est conservée sous {copy} (ses photos dans {photos}) : tout le monde peut encore la lire. Supprimez-la une fois faite une sauvegarde de la base chiffrée.

Reconnectez-vous pour continuer ; la clé de récupération s’affiche ensuite : notez-la.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These accounts log in again once you set them a new password (Clinic ▸ Accounts ▸ Reset Password): {logins}.</source>
        <translation>Ces comptes se reconnectent une fois que vous leur avez donné un nouveau mot de passe (Cabinet ▸ Comptes ▸ Réinitialiser le mot de passe) : {logins}.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln photo file(s) missing or changed since they were attached were left as they were found.</source>
        <translation>
            <numerusform>%Ln fichier photo absent ou modifié depuis son ajout a été laissé tel quel.</numerusform>
            <numerusform>%Ln fichiers photo absents ou modifiés depuis leur ajout ont été laissés tels quels.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/file_actions.py" line="+21"/>
        <source>Mesolog databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases Mesolog (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mesolog record: JSON, photos and report (*)</source>
        <translation>Dossier Mesolog : JSON, photos et compte rendu (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FHIR R4 bundle, photos and report (*)</source>
        <translation>Lot FHIR R4, photos et compte rendu (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open Database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New Database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File exists</source>
        <translation>Le fichier existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} already exists. Use File ▸ Open Database to open it.</source>
        <translation>{name} existe déjà. Utilisez Fichier ▸ Ouvrir une base pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The automatic backup that failed last time was made now.</source>
        <translation>La sauvegarde automatique qui avait échoué la dernière fois vient d’être faite.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automatic backup failed</source>
        <translation>Échec de la sauvegarde automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is tried again when this database is next opened; make one now with File ▸ Back Up, or choose another folder in File ▸ Preferences.</source>
        <translation>Elle sera retentée à la prochaine ouverture de cette base ; faites-en une maintenant avec Fichier ▸ Sauvegarder, ou choisissez un autre dossier dans Fichier ▸ Préférences.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Making today&apos;s backup</source>
        <translation>Sauvegarde du jour en cours</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Back Up</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backed up</source>
        <translation>Sauvegardé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup was made and checked.</source>
        <translation>La sauvegarde a été faite et vérifiée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+7"/>
        <location filename="../../mesolog/ui/patients/import_dialog.py" line="+53"/>
        <source>Import Patients</source>
        <translation>Importer des patients</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt *.tsv);;All files (*)</source>
        <translation>Tableurs (*.xlsx *.csv *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{file} cannot be imported: {reason}</source>
        <translation>{file} ne peut pas être importé : {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln row(s) were left out: the duplicates and the refused rows.</source>
        <translation>
            <numerusform>%Ln ligne a été écartée : doublon ou ligne refusée.</numerusform>
            <numerusform>%Ln lignes ont été écartées : les doublons et les lignes refusées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patients imported</source>
        <translation>Patients importés</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln patient(s) imported.</source>
        <translation>
            <numerusform>%Ln patient importé.</numerusform>
            <numerusform>%Ln patients importés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing patients</source>
        <translation>Import des patients</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patients - {search}</source>
        <translation>Patients - {search}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export Record</source>
        <translation>Exporter le dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{chart} record</source>
        <translation>Dossier {chart}</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln photo file(s) were missing.</source>
        <translation>
            <numerusform>%Ln fichier photo manquait.</numerusform>
            <numerusform>%Ln fichiers photo manquaient.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record exported</source>
        <translation>Dossier exporté</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{name}&apos;s FHIR bundle, %Ln photo(s) and progress report are in {folder}.</source>
        <translation>
            <numerusform>Le lot FHIR de {name}, %Ln photo et le compte rendu d’évolution sont dans {folder}.</numerusform>
            <numerusform>Le lot FHIR de {name}, %Ln photos et le compte rendu d’évolution sont dans {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{name}&apos;s record, %Ln photo(s) and progress report are in {folder}.</source>
        <translation>
            <numerusform>Le dossier de {name}, %Ln photo et le compte rendu d’évolution sont dans {folder}.</numerusform>
            <numerusform>Le dossier de {name}, %Ln photos et le compte rendu d’évolution sont dans {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record not exported</source>
        <translation>Dossier non exporté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the record</source>
        <translation>Export du dossier</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restore from Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace {database} by the backup {backup}?

The backup is checked first; the current database is kept as a copy beside it.</source>
        <translation>Remplacer {database} par la sauvegarde {backup} ?

La sauvegarde est d’abord vérifiée ; la base actuelle est conservée en copie à côté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+23"/>
        <source>Not restored</source>
        <translation>Non restaurée</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Restored</source>
        <translation>Restaurée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{database} now holds the backup.</source>
        <translation>{database} contient maintenant la sauvegarde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The replaced database is kept as {copy}.</source>
        <translation>La base remplacée est conservée sous {copy}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The demo clinic was not made.</source>
        <translation>Le cabinet de démonstration n’a pas été créé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot make the demo clinic</source>
        <translation>Impossible de créer le cabinet de démonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Making the demo clinic</source>
        <translation>Création du cabinet de démonstration</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_document.py" line="+126"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_editor.py" line="+194"/>
        <source>That is outside the scalp outline; click on the diagram.</source>
        <translation>C’est hors du contour du cuir chevelu ; cliquez sur le schéma.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place point in {zone}</source>
        <translation>Placer un point : {zone}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Point placed in {zone}.</source>
        <translation>Point placé : {zone}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the product and lot to the session first (Products and lots); points are placed with a lot.</source>
        <translation>Ajoutez d’abord le produit et le lot à la séance (Produits et lots) ; les points sont placés avec un lot.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correct the depth or volume of the next point first.</source>
        <translation>Corrigez d’abord la profondeur ou le volume du prochain point.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Points stay on the scalp: the move was undone.</source>
        <translation>Les points restent sur le cuir chevelu : le déplacement a été annulé.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Move %Ln point(s)</source>
        <translation>
            <numerusform>Déplacer %Ln point</numerusform>
            <numerusform>Déplacer %Ln points</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Points stay on the scalp: that nudge would take one off it.</source>
        <translation>Les points restent sur le cuir chevelu : ce décalage en ferait sortir un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nudge points</source>
        <translation>Décaler les points</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Delete %Ln point(s)</source>
        <translation>
            <numerusform>Supprimer %Ln point</numerusform>
            <numerusform>Supprimer %Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln point(s) deleted (Ctrl+Z brings them back).</source>
        <translation>
            <numerusform>%Ln point supprimé (Ctrl+Z le rétablit).</numerusform>
            <numerusform>%Ln points supprimés (Ctrl+Z les rétablit).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change lot</source>
        <translation>Changer le lot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change depth</source>
        <translation>Changer la profondeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change volume</source>
        <translation>Changer le volume</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No point selected. Click a point, or drag a frame around several.</source>
        <translation>Aucun point sélectionné. Cliquez sur un point, ou tracez un cadre autour de plusieurs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>several zones</source>
        <translation>plusieurs zones</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln point(s) selected, in {zone}.</source>
        <translation>
            <numerusform>%Ln point sélectionné, zone : {zone}.</numerusform>
            <numerusform>%Ln points sélectionnés, zone : {zone}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_panels.py" line="+51"/>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="-72"/>
        <location line="+6"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+100"/>
        <source> ml</source>
        <translation> ml</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/catalogue_dialog.py" line="-145"/>
        <location filename="../../mesolog/ui/injection_map/map_panels.py" line="+5"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_panels.py" line="+1"/>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="+1"/>
        <location filename="../../mesolog/ui/injection_map/map_panels.py" line="+1"/>
        <location line="+94"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="-292"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_panels.py" line="-81"/>
        <source>— add a product first —</source>
        <translation>— ajoutez d’abord un produit —</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No products in the session yet.</source>
        <translation>Pas encore de produit dans la séance.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No points on the map yet: click on the diagram to place one.</source>
        <translation>Pas encore de point sur la carte : cliquez sur le schéma pour en placer un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+95"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>lot #{number}</source>
        <translation>lot n° {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No point selected.</source>
        <translation>Aucun point sélectionné.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete Points</source>
        <translation>&amp;Supprimer les points</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> cm apart</source>
        <translation> cm d’écart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fill Zone</source>
        <translation>&amp;Remplir la zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear &amp;Zone</source>
        <translation>&amp;Vider la zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Last Map</source>
        <translation>&amp;Copier la dernière carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place the points of this patient&apos;s previous mapped session</source>
        <translation>Placer les points de la précédente séance cartographiée de ce patient</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next point placed</source>
        <translation>Prochain point placé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected points</source>
        <translation>Points sélectionnés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zone tools</source>
        <translation>Outils de zone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spacing</source>
        <translation>Espacement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_scene.py" line="+129"/>
        <source>2 cm</source>
        <translation>2 cm</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This point&apos;s lot is not in the session&apos;s products.</source>
        <translation>Le lot de ce point ne fait pas partie des produits de la séance.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_tools.py" line="+34"/>
        <source>{zone} is already covered at {spacing} cm.</source>
        <translation>{zone} est déjà couverte à {spacing} cm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fill {zone}</source>
        <translation>Remplir : {zone}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{zone} filled with %Ln point(s) {spacing} cm apart.</source>
        <translation>
            <numerusform>{zone} remplie de %Ln point espacé de {spacing} cm.</numerusform>
            <numerusform>{zone} remplie de %Ln points espacés de {spacing} cm.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear {zone}</source>
        <translation>Vider : {zone}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln point(s) removed from {zone} on all views.</source>
        <translation>
            <numerusform>%Ln point retiré de {zone} sur toutes les vues.</numerusform>
            <numerusform>%Ln points retirés de {zone} sur toutes les vues.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No points in {zone}.</source>
        <translation>Aucun point dans {zone}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add the products and lots of this session first; the copied points take them.</source>
        <translation>Ajoutez d’abord les produits et lots de cette séance ; les points copiés les reprennent.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy last map</source>
        <translation>Copier la dernière carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the {current} on this map with the {copied} of {day}?</source>
        <translation>Remplacer les {current} de cette carte par les {copied} du {day} ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy map of {day}</source>
        <translation>Copier la carte du {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln point(s) copied from the session of {day} (Ctrl+Z takes them back).</source>
        <translation>
            <numerusform>%Ln point copié de la séance du {day} (Ctrl+Z l’annule).</numerusform>
            <numerusform>%Ln points copiés de la séance du {day} (Ctrl+Z les annule).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln of them were of a product not in this session and now use the next point&apos;s lot: check them.</source>
        <translation>
            <numerusform>%Ln d’entre eux était d’un produit absent de cette séance et prend maintenant le lot du prochain point : vérifiez-le.</numerusform>
            <numerusform>%Ln d’entre eux étaient d’un produit absent de cette séance et prennent maintenant le lot du prochain point : vérifiez-les.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/login.py" line="-11"/>
        <source>Create the first account</source>
        <translation>Créer le premier compte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Health records are kept behind a password. Create the administrator&apos;s account; more accounts can follow.</source>
        <translation>Les dossiers de santé sont protégés par mot de passe. Créez le compte de l’administrateur ; d’autres comptes pourront suivre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <location filename="../../mesolog/ui/treatment/treatment_dialogs.py" line="+85"/>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <location filename="../../mesolog/ui/treatment/treatment_dialogs.py" line="+6"/>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Create Account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log In</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mesolog locked itself after a while without use. {name}, enter your password to go on; unsaved changes are kept.</source>
        <translation>Mesolog s’est verrouillé après un moment sans utilisation. {name}, saisissez votre mot de passe pour continuer ; les modifications non enregistrées sont conservées.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch User…</source>
        <translation>Changer d’utilisateur…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} has unsaved or open work: they unlock and finish it first.</source>
        <translation>{name} a un travail ouvert ou non enregistré : cette personne déverrouille et le termine d’abord.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong login or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change password — {name}</source>
        <translation>Changer le mot de passe — {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An administrator chose your password; choose your own before going on.</source>
        <translation>Un administrateur a choisi votre mot de passe ; choisissez le vôtre avant de continuer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Current password</source>
        <translation>Mot de passe &amp;actuel</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/main_window.py" line="+87"/>
        <source>&amp;Chart</source>
        <comment>the patient&apos;s record</comment>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Treatment</source>
        <translation>&amp;Traitement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcomes</source>
        <translation>&amp;Résultats</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Open a database to look up a scanned vial.</source>
        <translation>Ouvrez une base de données pour rechercher un flacon scanné.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Cannot open database</source>
        <translation>Impossible d’ouvrir la base</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened {database}</source>
        <translation>{database} ouverte</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Connected to the server again.</source>
        <translation>De nouveau connecté au serveur.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The chart of {name}</source>
        <translation>Le dossier de {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chart of the new patient</source>
        <translation>Le dossier du nouveau patient</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../mesolog/ui/patients/patient_form.py" line="+4"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is back in the patient list.</source>
        <translation>{name} est de retour dans la liste des patients.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is archived: kept in the database, shown only with Include archived.</source>
        <translation>{name} est archivé(e) : conservé(e) dans la base, affiché(e) seulement avec Inclure les archivés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not changed: changed elsewhere</source>
        <translation>Non modifié : modifié ailleurs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{database} (read-only)[*] — Mesolog</source>
        <translation>{database} (lecture seule)[*] — Mesolog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{database}[*] — Mesolog</source>
        <translation>{database}[*] — Mesolog</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/outcomes/outcome_dialogs.py" line="-187"/>
        <source>New measurement site</source>
        <translation>Nouveau site de mesure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. vertex centre</source>
        <translation>p. ex. centre du vertex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— not placed —</source>
        <translation>— non placé —</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../mesolog/ui/treatment/adverse_event_dialog.py" line="+92"/>
        <source>&amp;Zone</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Density (hairs/cm²)</source>
        <translation>&amp;Densité (cheveux/cm²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Terminal hairs</source>
        <translation>Cheveux &amp;terminaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vellus hairs</source>
        <translation>Cheveux &amp;duveteux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shaft d&amp;iameter (µm)</source>
        <translation>D&amp;iamètre de la tige (µm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Anagen (%)</source>
        <translation>&amp;Anagène (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tel&amp;ogen (%)</source>
        <translation>Tél&amp;ogène (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pull test (hairs)</source>
        <translation>Test de &amp;traction (cheveux)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction (&amp;1–5)</source>
        <translation>Satisfaction (&amp;1–5)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record measurement</source>
        <translation>Enregistrer une mesure</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+162"/>
        <source>— none —</source>
        <translation>— aucune —</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>&amp;Site</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dat&amp;e</source>
        <translation>Dat&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessio&amp;n</source>
        <translation>Séa&amp;nce</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, decimals allowed</source>
        <translation>, décimales admises</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hairs thicker than {microns} µm in the field counted</source>
        <translation>Cheveux de plus de {microns} µm comptés dans le champ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hairs of {microns} µm or thinner in the field counted</source>
        <translation>Cheveux de {microns} µm ou moins comptés dans le champ</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>T/V ratio: —</source>
        <translation>Rapport T/D : —</translation>
    </message>
    <message>
        <location line="-42"/>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="+34"/>
        <source>N&amp;otes</source>
        <translation>Rem&amp;arques</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{text}” is not a whole number.</source>
        <translation>« {text} » n’est pas un nombre entier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a number.</source>
        <translation>« {text} » n’est pas un nombre.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>T/V ratio: {ratio}</source>
        <translation>Rapport T/D : {ratio}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Record grade</source>
        <translation>Enregistrer un stade</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Percent hair loss seen in the {view} view ({share} % of the scalp)</source>
        <translation>Pourcentage de perte de cheveux vue {view} ({share} % du cuir chevelu)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Scale</source>
        <translation>&amp;Échelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tage</source>
        <translation>S&amp;tade</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>SALT score {score} (% of the scalp without hair)</source>
        <translation>Score SALT {score} (% du cuir chevelu sans cheveux)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attach photo</source>
        <translation>Joindre une photo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose or type the image file</source>
        <translation>Choisissez ou saisissez le fichier image</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../mesolog/ui/window_menus.py" line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy goes into Mesolog&apos;s photo folder; the original stays.</source>
        <translation>Une copie va dans le dossier photos de Mesolog ; l’original reste en place.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Taken on</source>
        <translation>&amp;Prise le</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/window_menus.py" line="+19"/>
        <source>&amp;Session</source>
        <translation>&amp;Séance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the photo&apos;s file.</source>
        <translation>Choisissez le fichier de la photo.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="-1"/>
        <location filename="../../mesolog/ui/outcomes/outcomes_panel.py" line="-150"/>
        <location line="+14"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="-1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/outcomes/outcomes_panel.py" line="-14"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T/V</source>
        <translation>T/D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diameter</source>
        <translation>Diamètre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anagen</source>
        <translation>Anagène</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;Site…</source>
        <translation>Nouveau &amp;site…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;Measurement…</source>
        <translation>Enregistrer une &amp;mesure…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="-1"/>
        <location filename="../../mesolog/ui/outcomes/outcomes_panel.py" line="+0"/>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/outcomes/outcomes_panel.py" line="-34"/>
        <source>Change since baseline: needs two measurements.</source>
        <translation>Variation depuis la valeur initiale : il faut deux mesures.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change since baseline: {change}.</source>
        <translation>Variation depuis la valeur initiale : {change}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record &amp;Grade…</source>
        <translation>Enregistrer un &amp;stade…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach &amp;Photo…</source>
        <translation>Joindre une &amp;photo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Before / After…</source>
        <translation>&amp;Avant / après…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trend</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grades</source>
        <translation>Stades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>file changed</source>
        <translation>fichier modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file no longer matches the checksum taken when it was attached.</source>
        <translation>Le fichier ne correspond plus à l’empreinte prise lors de son ajout.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a measurement site, then record measurements there.</source>
        <translation>Ajoutez un site de mesure, puis enregistrez-y des mesures.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/outcomes/photo_views.py" line="+85"/>
        <source>Before and after</source>
        <translation>Avant et après</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No photo of this view yet</source>
        <translation>Pas encore de photo de cette vue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The photo file cannot be read</source>
        <translation>Le fichier photo est illisible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file changed after it was stored</source>
        <translation>le fichier a été modifié après son enregistrement</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/history_dialog.py" line="-6"/>
        <source>History — {name} ({chart_no})</source>
        <translation>Historique — {name} ({chart_no})</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln recorded change(s), newest first. The history cannot be edited.</source>
        <translation>
            <numerusform>%Ln modification enregistrée, la plus récente en premier. L’historique ne peut pas être modifié.</numerusform>
            <numerusform>%Ln modifications enregistrées, les plus récentes en premier. L’historique ne peut pas être modifié.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/import_dialog.py" line="-9"/>
        <source>— not imported —</source>
        <translation>— non importée —</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Which column is which field</source>
        <translation>Quelle colonne pour quel champ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Column {number}</source>
        <translation>Colonne {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dates are written</source>
        <translation>Les dates sont écrites</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;Valid Rows Only</source>
        <translation>Importer les lignes &amp;valides seulement</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What the import would do:</source>
        <translation>Ce que ferait l’import :</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{problem}: choose how they are written.</source>
        <translation>{problem} : choisissez comment elles sont écrites.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No column is chosen for {fields}: every row would be refused.</source>
        <translation>Aucune colonne n’est choisie pour {fields} : toutes les lignes seraient refusées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose how the dates are written.</source>
        <translation>Choisissez comment les dates sont écrites.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking every row…</source>
        <translation>Vérification de chaque ligne…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rows cannot be checked: {reason}</source>
        <translation>Les lignes ne peuvent pas être vérifiées : {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the rows</source>
        <translation>Vérification des lignes</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/patient_form.py" line="-220"/>
        <location filename="../../mesolog/ui/treatment/adverse_event_dialog.py" line="-39"/>
        <location line="+5"/>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="-56"/>
        <location line="+8"/>
        <location line="+2"/>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This desk&apos;s language</source>
        <translation>La langue de ce poste</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>&amp;No known allergies</source>
        <translation>&amp;Aucune allergie connue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No known allergies · {day}</source>
        <translation>&amp;Aucune allergie connue · {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick when the patient was asked and has none; the day is kept</source>
        <translation>Cochez quand le patient a été interrogé et n’en a pas ; la date est conservée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient said so on {day}</source>
        <translation>Le patient l’a déclaré le {day}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Date of birth: “{text}” is not a date; write it as {example} or 1984-03-27.</source>
        <translation>Date de naissance : « {text} » n’est pas une date ; écrivez-la {example} ou 1984-03-27.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not saved: changed elsewhere</source>
        <translation>Non enregistré : modifié ailleurs</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/patient_list_panel.py" line="-135"/>
        <source>Find by name, chart number or date of birth</source>
        <translation>Rechercher par nom, numéro de dossier ou date de naissance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include archived</source>
        <translation>Inclure les archivés</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; {reason}. Records can be read and printed; nothing can be saved.</source>
        <translation>&lt;b&gt;Lecture seule :&lt;/b&gt; {reason}. Les dossiers peuvent être lus et imprimés ; rien ne peut être enregistré.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{shown} of {everyone} match</source>
        <translation>{shown} sur {everyone} correspondent</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/welcome.py" line="+19"/>
        <source>Welcome to Mesolog</source>
        <translation>Bienvenue dans Mesolog</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This database has no patients yet.</source>
        <translation>Cette base ne contient pas encore de patient.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with your first patient: chart number, name, date of birth, diagnosis, and the allergies and contraindications you must see before every session.</source>
        <translation>Commencez par votre premier patient : numéro de dossier, nom, date de naissance, diagnostic, et les allergies et contre-indications à voir avant chaque séance.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or open a demo clinic, a separate database of invented patients, to look around first; log in there as cmoreau with the password mesolog-demo. Your own database stays untouched.</source>
        <translation>Ou ouvrez un cabinet de démonstration, une base séparée de patients fictifs, pour découvrir d’abord ; connectez-vous-y en tant que cmoreau avec le mot de passe mesolog-demo. Votre propre base reste intacte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create the first patient</source>
        <translation>Créer le premier patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a demo clinic</source>
        <translation>Ouvrir un cabinet de démonstration</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Find a patient: type part of a name, a chart number or a date of birth in the search box (Ctrl+F), then press Enter or choose them in the list.

A patient who is not in the list yet gets a new chart (Ctrl+N).</source>
        <translation>Trouver un patient : tapez une partie du nom, un numéro de dossier ou une date de naissance dans la zone de recherche (Ctrl+F), puis appuyez sur Entrée ou choisissez-le dans la liste.

Un patient qui n’est pas encore dans la liste reçoit un nouveau dossier (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../mesolog/ui/window_menus.py" line="-73"/>
        <source>&amp;New Patient</source>
        <translation>&amp;Nouveau patient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No patient matches “{searched}”.

Check the spelling, tick Include archived, or create the patient.</source>
        <translation>Aucun patient ne correspond à « {searched} ».

Vérifiez l’orthographe, cochez Inclure les archivés, ou créez le patient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create Patient “{searched}”…</source>
        <translation>&amp;Créer le patient « {searched} »…</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/printing/report_dialog.py" line="-124"/>
        <source>Print or Save Report — {name} ({chart_no})</source>
        <translation>Imprimer ou enregistrer un compte rendu — {name} ({chart_no})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every session&apos;s injection map</source>
        <translation>La carte d’injection de chaque séance</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Report</source>
        <translation>&amp;Compte rendu</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Building…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not built</source>
        <translation>Non préparé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Building the report</source>
        <translation>Préparation du compte rendu</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln page(s), {paper}</source>
        <translation>
            <numerusform>%Ln page, {paper}</numerusform>
            <numerusform>%Ln pages, {paper}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Report as PDF</source>
        <translation>Enregistrer le compte rendu en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The report could not be saved: {reason}</source>
        <translation>Le compte rendu n’a pas pu être enregistré : {reason}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to print</source>
        <translation>Rien à imprimer</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The pages chosen are not in the report: it has %Ln page(s).</source>
        <translation>
            <numerusform>Les pages choisies ne sont pas dans le compte rendu : il a %Ln page.</numerusform>
            <numerusform>Les pages choisies ne sont pas dans le compte rendu : il a %Ln pages.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fitted to {paper}: the report is laid out for {report_paper}.</source>
        <translation>Ajusté au format {paper} : le compte rendu est mis en page pour {report_paper}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent to {printer} (job {job}).</source>
        <translation>Envoyé à {printer} (tâche {job}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The printer could not be started.</source>
        <translation>L’imprimante n’a pas pu être lancée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>pages</source>
        <translation>pages</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{file} could not be written whole: is the disk full?</source>
        <translation>{file} n’a pas pu être écrit en entier : le disque est-il plein ?</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Sending to {printer}…</source>
        <translation>Envoi à {printer}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not printed.</source>
        <translation>Non imprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{printer} did not take the report: {reason}</source>
        <translation>{printer} n’a pas accepté le compte rendu : {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/recovery_key_dialog.py" line="+23"/>
        <source>This is the clinic&apos;s &lt;b&gt;recovery key&lt;/b&gt;. The records are encrypted: a password opens them, and if every password is lost, this key alone does (&lt;code&gt;mesolog recover&lt;/code&gt;). Print it or write it down and keep it locked away from this computer: with it and a copy of the database, anyone reads every record. Without it, records whose passwords are all forgotten cannot be read by anyone, Mesolog&apos;s makers included.</source>
        <translation>Voici la &lt;b&gt;clé de récupération&lt;/b&gt; du cabinet. Les dossiers sont chiffrés : un mot de passe les ouvre, et si tous les mots de passe sont perdus, cette clé seule le fait (&lt;code&gt;mesolog recover&lt;/code&gt;). Imprimez-la ou notez-la et gardez-la sous clé, loin de cet ordinateur : avec elle et une copie de la base, n’importe qui lit tous les dossiers. Sans elle, des dossiers dont tous les mots de passe sont oubliés ne peuvent être lus par personne, pas même les auteurs de Mesolog.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recovery key — write it down</source>
        <translation>Clé de récupération — notez-la</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To be sure it was copied, type groups {first} and {second} from your copy:</source>
        <translation>Pour s’assurer qu’elle a été copiée, tapez les groupes {first} et {second} de votre copie :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Group &amp;{number}</source>
        <translation>Groupe &amp;{number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not group {number}; check each letter of your copy.</source>
        <translation>Ce n’est pas le groupe {number} ; vérifiez chaque lettre de votre copie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mesolog recovery key</source>
        <translation>Clé de récupération Mesolog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this page locked away, apart from the computer.</source>
        <translation>Gardez cette page sous clé, loin de l’ordinateur.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/adverse_event_dialog.py" line="-14"/>
        <source>Side effect — session of {day}</source>
        <translation>Effet indésirable — séance du {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record side effect — session of {day}</source>
        <translation>Enregistrer un effet indésirable — séance du {day}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What it is, when Other</source>
        <translation>De quoi il s’agit, si Autre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serious (hospital, disability, or otherwise important)</source>
        <translation>Grave (hospitalisation, invalidité, ou autrement important)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>— not known —</source>
        <translation>— inconnue —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— none suspected —</source>
        <translation>— aucun suspecté —</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+37"/>
        <location filename="../../mesolog/ui/treatment/adverse_event_dialog.py" line="+1"/>
        <source>{product} lot {lot}</source>
        <translation>{product}, lot {lot}</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/adverse_event_dialog.py" line="+3"/>
        <source>Resolved on</source>
        <translation>Résolu le</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Onset</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Grade</source>
        <translation>&amp;Grade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actions</source>
        <translation>&amp;Mesures prises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suspected &amp;lot</source>
        <translation>&amp;Lot suspecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;utcome</source>
        <translation>É&amp;volution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Remarques</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Resolve: {side_effect}</source>
        <translation>Résoudre : {side_effect}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Began {onset}, after the session of {session}.</source>
        <translation>Début le {onset}, après la séance du {session}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resolved on</source>
        <translation>&amp;Résolu le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outcome</source>
        <translation>É&amp;volution</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_banners.py" line="+49"/>
        <source>&lt;b&gt;Earlier allergic reaction:&lt;/b&gt; {lot} ({onset}, grade {grade})</source>
        <translation>&lt;b&gt;Réaction allergique antérieure :&lt;/b&gt; {lot} ({onset}, grade {grade})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no lot</source>
        <translation>aucun lot</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+89"/>
        <location line="+5"/>
        <source>&lt;b&gt;Consent:&lt;/b&gt; {warning}</source>
        <translation>&lt;b&gt;Consentement :&lt;/b&gt; {warning}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Allergies:&lt;/b&gt; not asked yet; ask before injecting, and record the answer in the chart.</source>
        <translation>&lt;b&gt;Allergies :&lt;/b&gt; pas encore demandées ; demandez avant d’injecter, et notez la réponse dans le dossier.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Signed&lt;/b&gt; by {signer} on {moment}. It is read-only: changes are made as an amendment, with a reason, kept with the session.</source>
        <translation>&lt;b&gt;Signée&lt;/b&gt; par {signer} le {moment}. Elle est en lecture seule : les modifications se font par avenant motivé, conservé avec la séance.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="-26"/>
        <source>Session — {name} ({chart_no})</source>
        <translation>Séance — {name} ({chart_no})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>— no course —</source>
        <translation>— hors cure —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{protocol} (from {day})</source>
        <translation>{protocol} (depuis le {day})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> G</source>
        <translation> G</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not asked</source>
        <translation>non demandée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Date and time</source>
        <translation>&amp;Date et heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed &amp;by</source>
        <translation>Réalisée &amp;par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ourse</source>
        <translation>C&amp;ure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Technique</source>
        <translation>&amp;Technique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;vice</source>
        <translation>&amp;Matériel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Needle</source>
        <translation>&amp;Aiguille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default de&amp;pth</source>
        <translation>Profon&amp;deur par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;in (0–10)</source>
        <translation>Do&amp;uleur (0–10)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Amendment</source>
        <translation>Avenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the signed session is changed</source>
        <translation>Pourquoi la séance signée est modifiée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amended by</source>
        <translation>&amp;Modifiée par</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+118"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Save and S&amp;ign</source>
        <translation>Enregistrer et s&amp;igner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amend…</source>
        <translation>&amp;Amender…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Injection map</source>
        <translation>Carte d’injection</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Your account may read this session but not change it: the vial is not added.</source>
        <translation>Votre compte peut lire cette séance mais pas la modifier : le flacon n’est pas ajouté.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save Amendment</source>
        <translation>&amp;Enregistrer l’avenant</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>This session</source>
        <translation>Cette séance</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+0"/>
        <source>Product · lot</source>
        <translation>Produit · lot</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/catalogue_dialog.py" line="+0"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+0"/>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+1"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Scan the vial&apos;s barcode (or type it) and press Enter</source>
        <translation>Scannez le code-barres du flacon (ou tapez-le) et appuyez sur Entrée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add lot</source>
        <translation>&amp;Ajouter le lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>From the injection map: %Ln point(s)</source>
        <translation>
            <numerusform>D’après la carte d’injection : %Ln point</numerusform>
            <numerusform>D’après la carte d’injection : %Ln points</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/lot_recall.py" line="-60"/>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+20"/>
        <source>— choose a lot —</source>
        <translation>— choisir un lot —</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+1"/>
        <source>— no products yet: Clinic ▸ Products and Lots —</source>
        <translation>— pas encore de produit : Cabinet ▸ Produits et lots —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{lot} (expired)</source>
        <translation>{lot} (périmé)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the lot in the list first, or scan the vial.</source>
        <translation>Choisissez d’abord le lot dans la liste, ou scannez le flacon.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No products yet</source>
        <translation>Pas encore de produit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalogue has no products yet. Products and their lots (lot number and expiry date) are added under Clinic ▸ Products and Lots; a scanned vial fills in the product&apos;s barcode.</source>
        <translation>Le catalogue n’a pas encore de produit. Les produits et leurs lots (numéro de lot et date de péremption) s’ajoutent dans Cabinet ▸ Produits et lots ; un flacon scanné renseigne le code-barres du produit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Products and Lots…</source>
        <translation>Ouvrir Produits et lots…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Already listed</source>
        <translation>Déjà dans la liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{lot} is already in this session; change its volume.</source>
        <translation>{lot} figure déjà dans cette séance ; modifiez son volume.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allergy warning</source>
        <translation>Alerte allergie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{product} for this patient: {allergy}.</source>
        <translation>{product} pour ce patient : {allergy}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serious side effect on this lot</source>
        <translation>Effet indésirable grave sur ce lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot {lot} of {product} is suspected in a serious side effect: {side_effect}.</source>
        <translation>Le lot {lot} de {product} est suspecté dans un effet indésirable grave : {side_effect}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lot {lot} of {product} expired on {expiry}.

Use another lot, or say why this one is used anyway (recorded with the session):</source>
        <translation>Le lot {lot} de {product} est périmé depuis le {expiry}.

Utilisez un autre lot, ou dites pourquoi celui-ci est utilisé quand même (enregistré avec la séance) :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An expired lot needs a reason of at least {count} characters.</source>
        <translation>Un lot périmé exige un motif d’au moins {count} caractères.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add it anyway?</source>
        <translation>L’ajouter quand même ?</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_editor.py" line="-101"/>
        <source>This session is signed: amend it to add a vial.</source>
        <translation>Cette séance est signée : amendez-la pour ajouter un flacon.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_products.py" line="+18"/>
        <source>Read as typed by a scanner set to a US keyboard: set the scanner to this keyboard&apos;s layout, or choose the layout under File ▸ Preferences ▸ Barcode scanner.</source>
        <translation>Lu comme tapé par un lecteur réglé sur un clavier américain : réglez le lecteur sur la disposition de ce clavier, ou choisissez-la sous Fichier ▸ Préférences ▸ Lecteur de codes-barres.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No product with GTIN {gtin} in the catalogue: add it under Clinic ▸ Products and Lots, then scan again.</source>
        <translation>Aucun produit de GTIN {gtin} dans le catalogue : ajoutez-le dans Cabinet ▸ Produits et lots, puis scannez à nouveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{read} read: the barcode names the product but not its lot and expiry; choose the lot from the list.</source>
        <translation>{read} lu : le code-barres nomme le produit mais pas son lot ni sa péremption ; choisissez le lot dans la liste.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New lot</source>
        <translation>Nouveau lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot {lot} of {product} (expires {expiry}) is not in the catalogue yet. Add it?</source>
        <translation>Le lot {lot} de {product} (péremption {expiry}) n’est pas encore au catalogue. L’ajouter ?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>On the injection map</source>
        <translation>Sur la carte d’injection</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>{product} lot {lot} has %Ln point(s) on the injection map. Remove them there first (select them and press Delete, or Clear Zone).</source>
        <translation>
            <numerusform>{product}, lot {lot}, a %Ln point sur la carte d’injection. Retirez-le d’abord de la carte (sélectionnez-le et appuyez sur Suppr, ou Vider la zone).</numerusform>
            <numerusform>{product}, lot {lot}, a %Ln points sur la carte d’injection. Retirez-les d’abord de la carte (sélectionnez-les et appuyez sur Suppr, ou Vider la zone).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{product} · lot {lot}</source>
        <translation>{product} · lot {lot}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expired, used because: {reason}</source>
        <translation>périmé, utilisé car : {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no reason yet)</source>
        <translation>(pas encore de motif)</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%Ln product(s), total {volume} ml</source>
        <translation>
            <numerusform>%Ln produit, total {volume} ml</numerusform>
            <numerusform>%Ln produits, total {volume} ml</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No products yet.</source>
        <translation>Pas encore de produit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>greyed volumes are the sums of their points on the injection map</source>
        <translation>les volumes grisés sont la somme de leurs points sur la carte d’injection</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/session_side_effects.py" line="+5"/>
        <source>&amp;Record Side Effect…</source>
        <translation>&amp;Enregistrer un effet indésirable…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;None Observed</source>
        <translation>&amp;Aucun observé</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the session first; then open it from the Treatment tab to record what followed.</source>
        <translation>Enregistrez d’abord la séance ; puis ouvrez-la depuis l’onglet Traitement pour noter ce qui a suivi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>resolved {day}</source>
        <translation>résolu le {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open ({outcome})</source>
        <translation>en cours ({outcome})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{side_effect} · from {onset} · {state}</source>
        <translation>{side_effect} · depuis le {onset} · {state}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status: {status}.</source>
        <translation>État : {status}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+22"/>
        <source>{done} of {planned} done</source>
        <translation>{done} sur {planned} faites</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped ({reason}) · {done}</source>
        <translation>Arrêtée ({reason}) · {done}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/due_view.py" line="+6"/>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+4"/>
        <source>%Ln day(s) late</source>
        <translation>
            <numerusform>%Ln jour de retard</numerusform>
            <numerusform>%Ln jours de retard</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+0"/>
        <source>due today</source>
        <translation>prévue aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/clinic/due_view.py" line="+1"/>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+1"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>dans %Ln jour</numerusform>
            <numerusform>dans %Ln jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/timeline_text.py" line="+1"/>
        <source>{status} · {done} · next {day} ({when})</source>
        <translation>{status} · {done} · prochaine le {day} ({when})</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+218"/>
        <source>Not signed</source>
        <translation>Non signée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed, amended {times}×</source>
        <translation>Signée, amendée {times}×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>Signée</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_dialogs.py" line="-104"/>
        <source>New treatment course</source>
        <translation>Nouvelle cure</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Minoxidil + biotin, 6 × 3 weeks</source>
        <translation>p. ex. Minoxidil + biotine, 6 × 3 semaines</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> sessions</source>
        <translation> séances</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Protocol</source>
        <translation>&amp;Protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lanned</source>
        <translation>P&amp;révues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interval</source>
        <translation>&amp;Intervalle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record consent</source>
        <translation>Enregistrer un consentement</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Form</source>
        <translation>&amp;Formulaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken by</source>
        <translation>Recueilli par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Signed on</source>
        <translation>&amp;Signé le</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(version {version}, {language})</source>
        <translation>(version {version}, {language})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stop the course</source>
        <translation>Arrêter la cure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. no improvement after four sessions</source>
        <translation>p. ex. pas d’amélioration après quatre séances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Why</source>
        <translation>&amp;Pourquoi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Dr Claire Moreau</source>
        <translation>p. ex. Dr Claire Moreau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. cmoreau</source>
        <translation>p. ex. cmoreau</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least 10 characters; they choose their own at first login</source>
        <translation>Au moins 10 caractères ; la personne choisit le sien à sa première connexion</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="-312"/>
        <source>Course / session</source>
        <translation>Cure / séance</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/catalogue_dialog.py" line="+1"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <location line="+33"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="-13"/>
        <source>Record &amp;Consent…</source>
        <translation>Enregistrer le &amp;consentement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New C&amp;ourse…</source>
        <translation>Nouvelle c&amp;ure…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Session…</source>
        <translation>Nouvelle &amp;séance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+219"/>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Co&amp;mplete</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top…</source>
        <translation>&amp;Arrêter…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Side effects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Effets indésirables&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="-37"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+3"/>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <source>Side effect</source>
        <translation>Effet indésirable</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+1"/>
        <source>After session</source>
        <translation>Après la séance</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+1"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <source>Suspected lot</source>
        <translation>Lot suspecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+0"/>
        <source>Actions</source>
        <translation>Mesures prises</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+3"/>
        <source>Resol&amp;ve…</source>
        <translation>Résou&amp;dre…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected course:</source>
        <translation>Cure sélectionnée :</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{form} v{version}, {day} ({taken_by})</source>
        <translation>{form} v{version}, {day} ({taken_by})</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>{ingredient} {volume} ml in %Ln session(s)</source>
        <translation>
            <numerusform>{ingredient} {volume} ml en %Ln séance</numerusform>
            <numerusform>{ingredient} {volume} ml en %Ln séances</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Products: {products}
Active ingredients: {ingredients}</source>
        <translation>Produits : {products}
Principes actifs : {ingredients}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Given so far: {products}</source>
        <translation>Administré jusqu’ici : {products}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sessions outside a course</source>
        <translation>Séances hors cure</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No courses or sessions yet: start with New Course… or New Session…</source>
        <translation>Pas encore de cure ni de séance : commencez par Nouvelle cure… ou Nouvelle séance…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/injection_map/map_tools.py" line="-13"/>
        <location line="+1"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+18"/>
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+11"/>
        <source>open, %Ln day(s)</source>
        <translation>
            <numerusform>en cours, %Ln jour</numerusform>
            <numerusform>en cours, %Ln jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/open_events_view.py" line="+11"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+3"/>
        <source>(serious)</source>
        <translation>(grave)</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+7"/>
        <source>&lt;b&gt;Side effects&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;Effets indésirables&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Side effects&lt;/b&gt;: none recorded</source>
        <translation>&lt;b&gt;Effets indésirables&lt;/b&gt; : aucun enregistré</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No treatment consent</source>
        <translation>Pas de consentement au traitement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the patient&apos;s consent before the session?</source>
        <translation>Enregistrer le consentement du patient avant la séance ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record Consent…</source>
        <translation>Enregistrer le consentement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue Without</source>
        <translation>Continuer sans</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/accounts_dialog.py" line="+68"/>
        <location filename="../../mesolog/ui/treatment/treatment_panel.py" line="+79"/>
        <source>Not changed</source>
        <translation>Non modifié</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/window_menus.py" line="-21"/>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another Mesolog database file</source>
        <translation>Ouvrir un autre fichier de base Mesolog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty Mesolog database file</source>
        <translation>Créer un fichier de base Mesolog vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Demo Clinic</source>
        <translation>Ouvrir le cabinet de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A separate database of invented patients, to try things without touching yours</source>
        <translation>Une base séparée de patients fictifs, pour essayer sans toucher à la vôtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back Up…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A verified copy of the database and its photos</source>
        <translation>Une copie vérifiée de la base et de ses photos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the database by a checked backup</source>
        <translation>Remplacer la base par une sauvegarde vérifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Patients…</source>
        <translation>&amp;Importer des patients…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients from a spreadsheet saved as CSV</source>
        <translation>Des patients depuis un tableur enregistré en CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;List…</source>
        <translation>Exporter la &amp;liste…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patients the search lists, for a spreadsheet</source>
        <translation>Les patients que liste la recherche, pour un tableur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encrypt Database…</source>
        <translation>&amp;Chiffrer la base…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the database and its photos unreadable without a login</source>
        <translation>Rendre la base et ses photos illisibles sans connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an empty chart for a new patient</source>
        <translation>Ouvrir un dossier vide pour un nouveau patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Patient</source>
        <translation>&amp;Enregistrer le patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert Changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+110"/>
        <source>&amp;Archive Patient</source>
        <translation>A&amp;rchiver le patient</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Take the patient out of the list; nothing is deleted</source>
        <translation>Retirer le patient de la liste ; rien n’est supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find Patient</source>
        <translation>&amp;Rechercher un patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Mesolog</source>
        <translation>&amp;À propos de Mesolog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Session…</source>
        <translation>&amp;Nouvelle séance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record an injection session for the open patient</source>
        <translation>Enregistrer une séance d’injection pour le patient ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Session…</source>
        <translation>&amp;Ouvrir la séance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the session selected on the Treatment tab</source>
        <translation>Ouvrir la séance sélectionnée dans l’onglet Traitement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sign Session</source>
        <translation>&amp;Signer la séance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign the selected session; it becomes read-only</source>
        <translation>Signer la séance sélectionnée ; elle passe en lecture seule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amend Session…</source>
        <translation>&amp;Amender la séance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change a signed session, with a reason</source>
        <translation>Modifier une séance signée, avec un motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;Course…</source>
        <translation>Nouvelle &amp;cure…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who changed what in this chart, and when</source>
        <translation>Qui a modifié quoi dans ce dossier, et quand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Record…</source>
        <translation>E&amp;xporter le dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s record, photos and progress report, for them or another clinic</source>
        <translation>Le dossier du patient, ses photos et son compte rendu d’évolution, pour lui ou un autre cabinet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print or Save Report…</source>
        <translation>&amp;Imprimer ou enregistrer un compte rendu…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Progress report, patient summary or consent form</source>
        <translation>Compte rendu d’évolution, résumé patient ou formulaire de consentement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record C&amp;onsent…</source>
        <translation>Enregistrer le c&amp;onsentement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Products and Lots…</source>
        <translation>&amp;Produits et lots…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The product catalogue, lots and recalls</source>
        <translation>Le catalogue des produits, les lots et les rappels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a vial, or choose its lot: every patient who received it</source>
        <translation>Scannez un flacon, ou choisissez son lot : tous les patients qui l’ont reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due and Overdue</source>
        <translation>&amp;À faire et en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients whose next session is due</source>
        <translation>Les patients dont la prochaine séance est à faire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Side Effects</source>
        <translation>&amp;Effets indésirables en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unresolved side effects across the clinic</source>
        <translation>Les effets indésirables non résolus de tout le cabinet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcomes Across the Practice…</source>
        <translation>&amp;Résultats de l’ensemble du cabinet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a cohort of the practice&apos;s patients responds: mean change, responders, who was lost to follow-up</source>
        <translation>Comment répond une cohorte de patients du cabinet : variation moyenne, répondeurs, perdus de vue</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Clinic</source>
        <translation>&amp;Cabinet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Restore from &amp;Archive</source>
        <translation>Sortir des &amp;archives</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/about.py" line="+38"/>
        <source>Database: none open</source>
        <translation>Base de données : aucune ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: {database} (locked)</source>
        <translation>Base de données : {database} (verrouillée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: {database} (schema {revision})</source>
        <translation>Base de données : {database} (schéma {revision})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This licence text cannot be read ({reason}): reinstall Mesolog to have it again.</source>
        <translation>Ce texte de licence est illisible ({reason}) : réinstallez Mesolog pour le retrouver.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Licence: {licence}</source>
        <translation>Licence : {licence}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: {where}</source>
        <translation>Code source : {where}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About Mesolog</source>
        <translation>À propos de Mesolog</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;Inside Mesolog&lt;/b&gt; ({count} parts). Qt and PySide6 are used under the GNU Lesser General Public License version 3: they are separate libraries in Mesolog&apos;s folder, which you may replace with your own build of the same version; their source is at the addresses given with them.</source>
        <translation>&lt;b&gt;Dans Mesolog&lt;/b&gt; ({count} composants). Qt et PySide6 sont utilisés sous la licence publique générale limitée GNU (LGPL) version 3 : ce sont des bibliothèques distinctes dans le dossier de Mesolog, que vous pouvez remplacer par votre propre compilation de la même version ; leur code source est aux adresses indiquées avec eux.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The list of what ships inside Mesolog cannot be read ({reason}): reinstall Mesolog to have it again.</source>
        <translation>La liste des composants fournis avec Mesolog est illisible ({reason}) : réinstallez Mesolog pour la retrouver.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>A logbook for scalp mesotherapy: patients, treatment courses, injection sessions, side effects and outcomes, kept on this computer.</source>
        <translation>Un registre de mésothérapie du cuir chevelu : patients, cures, séances d’injection, effets indésirables et résultats, conservés sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/app.py" line="+46"/>
        <source>Opening {database}…</source>
        <translation>Ouverture de {database}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mesolog: cannot open database</source>
        <translation>Mesolog : impossible d’ouvrir la base</translation>
    </message>
    <message>
        <location line="+110"/>
        <location line="+6"/>
        <location filename="../../mesolog/ui/login.py" line="-62"/>
        <source>Cannot open the database: {reason}</source>
        <translation>Impossible d’ouvrir la base : {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log in to {database} — Mesolog</source>
        <translation>Connexion à {database} — Mesolog</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/connection_banner.py" line="+27"/>
        <source>&lt;b&gt;Not connected to the server.&lt;/b&gt; Mesolog tries again every {seconds} seconds. What you type stays in the window: save it once connected.</source>
        <translation>&lt;b&gt;Pas de connexion au serveur.&lt;/b&gt; Mesolog réessaie toutes les {seconds} secondes. Ce que vous tapez reste dans la fenêtre : enregistrez-le une fois reconnecté.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/injection_map/map_view.py" line="+59"/>
        <source>Zoom out (−)</source>
        <translation>Zoom arrière (−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole view (0)</source>
        <translation>Afficher toute la vue (0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (+); the mouse wheel zooms too</source>
        <translation>Zoom avant (+) ; la molette zoome aussi</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/lock_screen.py" line="+17"/>
        <source>Nobody is logged in to Mesolog.

The next person logs in to go on.</source>
        <translation>Personne n’est connecté à Mesolog.

La personne suivante se connecte pour continuer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mesolog is locked ({who}).

The password in the Locked window opens it again; unsaved changes are kept.</source>
        <translation>Mesolog est verrouillé ({who}).

Le mot de passe, dans la fenêtre Verrouillé, le rouvre ; les modifications non enregistrées sont conservées.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Mesolog — locked</source>
        <translation>Mesolog — verrouillé</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/patients/patient_list_model.py" line="+197"/>
        <source>Allergies or contraindications recorded: read them before treating.</source>
        <translation>Allergies ou contre-indications enregistrées : lisez-les avant de traiter.</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/clinic/scanner_preferences.py" line="+29"/>
        <source>Barcode scanner (this desk)</source>
        <translation>Lecteur de codes-barres (ce poste)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The group separator (GS, as GS1 sets it)</source>
        <translation>Le séparateur de groupe (GS, comme le prévoit GS1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{character}” instead of GS</source>
        <translation>« {character} » au lieu de GS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This keyboard&apos;s own layout</source>
        <translation>La disposition de ce clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>US, on a {layout} keyboard</source>
        <translation>Américain, sur un clavier {layout}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan any vial while this window is open: what the scanner sent, and what Mesolog reads in it, show here.</source>
        <translation>Scannez un flacon pendant que cette fenêtre est ouverte : ce que le lecteur a envoyé, et ce que Mesolog y lit, s’affichent ici.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A scan &amp;ends with</source>
        <translation>Un scan se &amp;termine par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between &amp;fields it sends</source>
        <translation>Entre les &amp;champs, il envoie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It &amp;types in</source>
        <translation>Il &amp;tape en</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test your scanner</source>
        <translation>Testez votre lecteur</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Received %Ln character(s), ended by {key}:</source>
        <translation>
            <numerusform>%Ln caractère reçu, terminé par {key} :</numerusform>
            <numerusform>%Ln caractères reçus, terminés par {key} :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln separator(s) between fields.</source>
        <translation>
            <numerusform>%Ln séparateur entre les champs.</numerusform>
            <numerusform>%Ln séparateurs entre les champs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No separator between fields: a lot or serial number followed by another field will not read. Set the scanner to send the group separator (GS), or a character chosen above.</source>
        <translation>Aucun séparateur entre les champs : un numéro de lot ou de série suivi d’un autre champ ne pourra pas être lu. Réglez le lecteur pour qu’il envoie le séparateur de groupe (GS), ou un caractère choisi ci-dessus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read: {fields}</source>
        <translation>Lu : {fields}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The scanner sent &lt;code&gt;{text}&lt;/code&gt;, ended by {key}, which is not the key set above: choose it under “A scan ends with”.</source>
        <translation>Le lecteur a envoyé &lt;code&gt;{text}&lt;/code&gt;, terminé par {key}, qui n’est pas la touche réglée ci-dessus : choisissez-la sous « Un scan se termine par ».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a pause (no key)</source>
        <translation>une pause (aucune touche)</translation>
    </message>
    <message>
        <location filename="../../mesolog/ui/common/scanner.py" line="+42"/>
        <source>Enter or Tab</source>
        <translation>Entrée ou Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No key: the scan ends when the keys stop</source>
        <translation>Aucune touche : le scan finit quand les touches s’arrêtent</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../forms/patient_form.ui" line="+8"/>
        <source>This patient is archived: the chart is kept but left out of the patient list.</source>
        <translation>Ce patient est archivé : le dossier est conservé mais ne figure plus dans la liste des patients.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart &amp;number</source>
        <translation>N° de &amp;dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. P-00123</source>
        <translation>p. ex. P-00123</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Last name</source>
        <translation>N&amp;om</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date of &amp;birth</source>
        <translation>&amp;Né(e) le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1984-03-27 or 27.03.1984</source>
        <translation>27/03/1984 ou 1984-03-27</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sex</source>
        <translation>&amp;Sexe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Diagnosis</source>
        <translation>&amp;Diagnostic</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allergies and contraindications</source>
        <translation>Allergies et contre-indications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Allergies</source>
        <translation>&amp;Allergies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the patient is allergic to, or tick No known allergies</source>
        <translation>Ce à quoi le patient est allergique, ou cochez Aucune allergie connue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No known allergies</source>
        <translation>&amp;Aucune allergie connue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The patient was asked and has no allergies; the day asked is kept</source>
        <translation>Le patient a été interrogé et n’a pas d’allergie ; la date est conservée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contraindications</source>
        <translation>&amp;Contre-indications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None known</source>
        <translation>Aucune connue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+44 20 7946 0000</source>
        <translation>+33 1 23 45 67 89</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name@example.org</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Addr&amp;ess</source>
        <translation>Adr&amp;esse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reports &amp;in</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The language of this patient&apos;s printed reports and consent forms</source>
        <translation>La langue des comptes rendus et formulaires de consentement imprimés pour ce patient</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History</source>
        <translation>Antécédents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Medical conditions</source>
        <translation>&amp;Pathologies</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current medica&amp;tions</source>
        <translation>&amp;Traitements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;otes</source>
        <translation>Rem&amp;arques</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Revert</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard unsaved changes</source>
        <translation>Abandonner les modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
</TS>
