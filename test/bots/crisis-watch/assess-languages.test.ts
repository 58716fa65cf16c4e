import { describe, expect, it } from "vitest";
import { assess, type CrisisLane, type Level, loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";

const lexicon = loadCrisisLexicon();
const context = { where: "topic" as const, writtenAt: new Date("2025-05-10T20:00:00Z") };
const run = (text: string) => assess(text, context, lexicon);

// "quiet" = none or support: no flag (a flag there is a false alarm, LABELS.md).
type Want = Level | "quiet";
type Case = [name: string, text: string, want: Want, lanes: CrisisLane[]];

// Every sentence below was written for these tests (none comes from ../shared or test/fixtures).
const spanish: Case[] = [
  ["plan with a time", "Ya no aguanto más, esta noche me voy a matar.", "urgent", ["suicide_self_harm"]],
  ["pills saved for today", "Tengo 40 pastillas guardadas y hoy me las tomo todas", "urgent", ["suicide_self_harm"]],
  ["on a bridge", "estoy en el puente y no quiero seguir viviendo", "urgent", ["suicide_self_harm"]],
  ["goodbye without accents", "Adios para siempre, perdonenme por todo. Este es mi ultimo mensaje", "urgent", ["suicide_self_harm"]],
  ["passive ideation and burden", "A veces quisiera dormirme y no despertar, todos estarían mejor sin mí", "review", ["suicide_self_harm"]],
  ["self-harm now", "me acabo de cortar los brazos y no para de sangrar", "urgent", ["suicide_self_harm"]],
  ["someone mixing and not waking", "mi hermano se tomó el frasco de rivotril con tequila y no despierta, tiene los labios morados", "urgent", ["concern_for_other", "overdose_medical"]],
  ["attacker at the door", "Mi novio está afuera con un cuchillo golpeando la puerta, me escondí en el baño", "urgent", ["harm_from_others"]],
  ["withdrawal with hallucinations", "Llevo 3 días sin beber y veo bichos en las paredes, tiemblo muchísimo", "urgent", ["overdose_medical"]],
  ["a friend's plan tonight", "Mi amiga dice que se va a matar esta noche, qué hago?", "urgent", ["concern_for_other", "suicide_self_harm"]],
  ["seizure of a roommate", "mi roomie está convulsionando en el piso después de fumar, no sé qué hacer", "urgent", ["overdose_medical"]],
  ["relapse disclosure", "Recaí ayer después de 8 meses, me siento fatal", "support", ["relapse"]],
  ["craving", "Tengo muchísimas ganas de beber hoy, aguantando las ganas", "support", ["craving"]],
  ["old story", "Hace 5 años intenté suicidarme, hoy llevo 4 años limpio y estoy bien", "quiet", []],
  ["negation", "No me quiero matar, solo estoy cansado del trabajo", "quiet", []],
  ["joke", "jajaja este examen me va a matar, me quiero morir jaja", "quiet", []],
  ["harm reduction", "La naloxona revierte una sobredosis de opioides, llévala siempre", "quiet", []],
  ["mixing advice", "Nunca mezcles alcohol con benzodiacepinas, es muy peligroso", "quiet", []],
  ["haircut is not self-harm", "Hoy me corté el pelo y me siento otra persona", "quiet", []],
];

const french: Case[] = [
  ["plan with a time, slang", "J'en peux plus, ce soir je vais me foutre en l'air.", "urgent", ["suicide_self_harm"]],
  ["pills counted for tonight", "J'ai mis de côté trente cachets, je les prends tous cette nuit", "urgent", ["suicide_self_harm"]],
  ["on a bridge, spoken form", "je suis sur le pont et j'ai plus envie de vivre", "urgent", ["suicide_self_harm"]],
  ["goodbye", "Adieu à tous, c'est mon dernier message. Prenez soin de mon chat pour moi", "urgent", ["suicide_self_harm"]],
  ["passive ideation and burden", "Des fois j'aimerais m'endormir et ne plus me réveiller, ils seraient mieux sans moi", "review", ["suicide_self_harm"]],
  ["self-harm now", "je viens de me couper les bras et ça arrête pas de saigner", "urgent", ["suicide_self_harm"]],
  ["someone mixing, blue lips", "mon coloc a mélangé vodka et xanax, il respire à peine et ses lèvres sont bleues", "urgent", ["concern_for_other", "overdose_medical"]],
  ["attacker at the door", "Mon ex est devant la porte avec un couteau, je me suis enfermée dans la salle de bain", "urgent", ["harm_from_others"]],
  ["withdrawal with hallucinations", "Trois jours sans alcool, je vois des insectes sur les murs et je tremble beaucoup", "urgent", ["overdose_medical"]],
  ["a friend's plan tonight", "Ma copine m'a dit qu'elle va se tuer ce soir, je fais quoi", "urgent", ["concern_for_other", "suicide_self_harm"]],
  ["hit and threatened", "Il m'a frappée hier soir et il menace de me tuer", "urgent", ["harm_from_others"]],
  ["relapse disclosure", "J'ai rechuté hier après six mois, j'ai honte", "support", ["relapse"]],
  ["craving", "Grosse envie de boire ce soir, je me retiens", "support", ["craving"]],
  ["negation without ne", "Je veux pas mourir, je suis juste crevé", "quiet", []],
  ["joke", "mdr ce boulot va me tuer, je veux mourir lol", "quiet", []],
  ["harm reduction", "La naloxone peut sauver une vie en cas de surdose, ayez toujours un kit", "quiet", []],
  ["mixing advice", "Ne mélangez jamais alcool et benzos, c'est très dangereux", "quiet", []],
  ["old story", "Quand je buvais, il y a dix ans, j'ai voulu me tuer plusieurs fois. Aujourd'hui je vais bien.", "quiet", []],
];

const portuguese: Case[] = [
  ["plan with a time", "Não aguento mais, hoje à noite vou me matar.", "urgent", ["suicide_self_harm"]],
  ["pills saved for tonight", "Juntei uns 40 comprimidos de rivotril e vou tomar tudo essa noite", "urgent", ["suicide_self_harm"]],
  ["on a roof, no accents", "to em cima do predio e nao quero mais viver", "urgent", ["suicide_self_harm"]],
  ["goodbye", "Adeus pra sempre, essa é minha última mensagem. Cuidem do meu cachorro por mim", "urgent", ["suicide_self_harm"]],
  ["passive ideation and burden", "Às vezes queria dormir e não acordar, todo mundo estaria melhor sem mim", "review", ["suicide_self_harm"]],
  ["self-harm now", "acabei de me cortar os braços e não para de sangrar", "urgent", ["suicide_self_harm"]],
  ["someone mixing, purple lips", "meu irmão misturou cachaça com rivotril, não tá respirando direito e os lábios estão roxos", "urgent", ["concern_for_other", "overdose_medical"]],
  ["attacker at the door", "Meu ex tá na porta com uma faca, me tranquei no banheiro", "urgent", ["harm_from_others"]],
  ["withdrawal with hallucinations", "Três dias sem beber e tô vendo bichos nas paredes, tremendo muito", "urgent", ["overdose_medical"]],
  ["a friend's plan tonight", "Minha amiga disse que vai se matar hoje à noite, o que eu faço", "urgent", ["concern_for_other", "suicide_self_harm"]],
  ["European Portuguese plan", "Estou a pensar em matar-me esta noite, já não aguento", "urgent", ["suicide_self_harm"]],
  ["relapse disclosure", "Tive uma recaída ontem depois de oito meses, tô com vergonha", "support", ["relapse"]],
  ["craving", "Tô com uma fissura absurda hoje, me segurando pra não beber", "support", ["craving"]],
  ["old story", "Há anos eu tentei me matar, hoje estou bem e com 5 anos limpo", "quiet", []],
  ["negation", "Não quero me matar, só estou cansado do trabalho", "quiet", []],
  ["joke", "kkkkk esse chefe vai me matar, quero morrer kkk", "quiet", []],
  ["mixing advice", "Nunca misture álcool com remédio pra dormir, é muito perigoso", "quiet", []],
];

// Posts of two to four words carry too few function words to tell Spanish from Portuguese or English.
const short: Case[] = [
  ["Spanish", "me voy a matar", "urgent", ["suicide_self_harm"]],
  ["Portuguese", "vou me matar", "urgent", ["suicide_self_harm"]],
  ["Portuguese with accents", "Ele me bateu ontem à noite e ameaçou me matar", "urgent", ["harm_from_others"]],
];

function check([name, text, want, lanes]: Case): void {
  it(`should assess ${name} as ${want}${lanes.length > 0 ? ` with ${lanes.join(" + ")}` : ""}`, () => {
    const result = run(text);
    if (want === "quiet") expect(["none", "support"]).toContain(result.level);
    else expect(result.level).toBe(want);
    for (const lane of lanes) expect(result.lanes).toContain(lane);
    // Everything that decided a flag is shown to moderators.
    if (result.level === "urgent" || result.level === "review") expect(result.evidence.length).toBeGreaterThan(0);
  });
}

// Portuguese needs the language detector to return "pt" (and to read every lexicon for short posts):
// until `detect-language.ts` knows Portuguese, these cases cannot be read and are skipped.
const detectorKnowsPortuguese = run("Eu não sei o que fazer da minha vida, estou muito cansado").language === "pt";

describe("assess: Spanish", () => {
  for (const c of spanish) check(c);
});

describe("assess: French", () => {
  for (const c of french) check(c);
});

describe.skipIf(!detectorKnowsPortuguese)("assess: Portuguese", () => {
  for (const c of portuguese) check(c);
});

describe.skipIf(!detectorKnowsPortuguese)("assess: short posts in Spanish and Portuguese", () => {
  for (const c of short) check(c);
});

describe("assess: Portuguese that the detector cannot place yet", () => {
  it("should still flag a long Portuguese plan with pills for tonight", () => {
    // Read as "other" (every lexicon) or as "pt": either way the plan is urgent.
    expect(run("Juntei uns 40 comprimidos de rivotril e vou tomar tudo essa noite").level).toBe("urgent");
  });
});
