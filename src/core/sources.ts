/**
 * Every source a rule in hipcheck rests on. Rules cite these ids; reports print the
 * citation. Seed articles are clinic practice guidance; papers are evidence.
 * docs/clinical-sources.md lists which rule uses which source.
 */
export type SourceKind = "practice-guidance" | "evidence" | "clinical-pathway" | "instrument";

export interface Source {
  id: string;
  kind: SourceKind;
  citation: string;
}

const list = [
  // Practice guidance: the five clinic articles hipcheck grew from.
  {
    id: "seed-000",
    kind: "practice-guidance",
    citation:
      "Byron Health, 'Turns out my knee pain was a hip problem' (clinic article): normal knee strength, weak right hip on dynamometry; return to run on alternate days, hip strengthening on non-running days.",
  },
  {
    id: "seed-001",
    kind: "practice-guidance",
    citation:
      "Clinic article, 'Knee pain series: getting rid of knee pain with running': hip flexor tightness and stride, lateral movement, hip stretches 5–10 min daily, strengthening 3 × 10, glute activation.",
  },
  {
    id: "seed-002",
    kind: "practice-guidance",
    citation:
      "Clinic article, 'Reducing knee pain from running starts in your hips': ITB syndrome, sitting and weak gluteus medius, groin and quadriceps stretches, fire hydrants, three non-running days a week.",
  },
  {
    id: "seed-003",
    kind: "practice-guidance",
    citation:
      "S. Cleary, 'How strengthening your hips will help your knees' (clinic article, 2023): pain location and likely condition, mileage increase or return after a break, side-steps, fire hydrants, side V-ups, single-leg Romanian deadlift.",
  },
  {
    id: "seed-004",
    kind: "practice-guidance",
    citation:
      "Clinic article, 'Knee pain – part 1: is the problem in your hips?': single-leg stance, sit-to-stand and squat self-tests; mobility and strengthening by muscle group; see a professional for a diagnosis.",
  },
  // Red flags and referral.
  {
    id: "nhs-knee-pathway",
    kind: "clinical-pathway",
    citation:
      "NHS knee pain referral pathways (Gloucestershire; Cornwall and Isles of Scilly): red flags for urgent and soon referral.",
  },
  {
    id: "stiell-1996",
    kind: "evidence",
    citation:
      "Stiell IG et al. Derivation of a decision rule for the use of radiography in acute knee injuries (Ottawa knee rules). Ann Emerg Med 1995;26:405–13; JAMA 1996;275:611–15.",
  },
  {
    id: "nice-ng158",
    kind: "clinical-pathway",
    citation:
      "NICE guideline NG158, Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020): suspected deep vein thrombosis is assessed the same day, with a proximal leg vein ultrasound within 4 hours of being requested.",
  },
  {
    id: "sufe-referral",
    kind: "clinical-pathway",
    citation:
      "Slipped upper (capital) femoral epiphysis referral guidance: Queensland Health Clinical Prioritisation Criteria and Royal Children's Hospital Melbourne: a suspected slip goes to the emergency department the same day, non-weight-bearing, whatever its duration.",
  },
  {
    id: "robertson-2017",
    kind: "evidence",
    citation:
      "Robertson GAJ, Wood AM. Femoral neck stress fractures in sport: a current concepts review. Sports Med Int Open 2017;1:E58–E68 (groin or hip pain on activity and at the end of hip rotation in runners; MRI when radiographs are normal; no weight-bearing running until excluded, tension-side fractures can displace).",
  },
  // Dynamometry.
  {
    id: "stratford-1994",
    kind: "evidence",
    citation:
      "Stratford PW, Balsor BE. A comparison of make and break tests using a hand-held dynamometer and the Kin-Com. J Orthop Sports Phys Ther 1994;19:28–32.",
  },
  {
    id: "burns-2005",
    kind: "evidence",
    citation:
      "Burns SP, Spanier DE. Break-technique handheld dynamometry: relation between angular velocity and strength measurements. Arch Phys Med Rehabil 2005;86:1420–6.",
  },
  {
    id: "thorborg-2010",
    kind: "evidence",
    citation:
      "Thorborg K et al. Clinical assessment of hip strength using a hand-held dynamometer is reliable. Scand J Med Sci Sports 2010;20:493–501 (highest of four trials; between-session variation 3–12 %).",
  },
  {
    id: "cerda-vega-2018",
    kind: "evidence",
    citation:
      "Cerda Vega E et al. Hip abduction strength measured with handheld dynamometry in three positions. 2018 (side-lying ≈ 30 % above standing, 27 % above supine; supine ICC 0.94).",
  },
  {
    id: "kelln-2008",
    kind: "evidence",
    citation:
      "Kelln BM et al. Hand-held dynamometry: reliability of lower extremity muscle testing in healthy, physically active, young adults. J Sport Rehabil 2008;17:160–70.",
  },
  {
    id: "krause-2014",
    kind: "evidence",
    citation:
      "Krause DA et al. Effects of examiner strength on reliability of hip-strength testing using a handheld dynamometer. J Sport Rehabil 2014;23:56–64.",
  },
  {
    id: "mdc-hip-extension",
    kind: "evidence",
    citation:
      "Minimal detectable change of hip extension torque with handheld dynamometry ≈ 14.8 Nm (PMC4961312).",
  },
  {
    id: "ramskov-2014",
    kind: "evidence",
    citation:
      "Ramskov D et al. Normative values of eccentric hip abduction strength in novice runners: an equation adjusting for age and gender. Int J Sports Phys Ther 2014;9:68–75 (n = 831).",
  },
  {
    id: "ramskov-2015",
    kind: "evidence",
    citation:
      "Ramskov D et al. High eccentric hip abduction strength reduces the risk of developing patellofemoral pain among novice runners initiating a self-structured running program. J Orthop Sports Phys Ther 2015;45:153–61.",
  },
  {
    id: "knee-strength-meta",
    kind: "evidence",
    citation:
      "Normative isometric knee extension and flexion torque in healthy adults: systematic review and meta-analysis (PMC8554160).",
  },
  {
    id: "fredericson-2000",
    kind: "evidence",
    citation:
      "Fredericson M et al. Hip abductor weakness in distance runners with iliotibial band syndrome. Clin J Sport Med 2000;10:169–75.",
  },
  {
    id: "ireland-2003",
    kind: "evidence",
    citation:
      "Ireland ML et al. Hip strength in females with and without patellofemoral pain. J Orthop Sports Phys Ther 2003;33:671–6.",
  },
  {
    id: "lsi-convention",
    kind: "evidence",
    citation:
      "Limb symmetry index (involved ÷ uninvolved × 100); under 90 % marks a meaningful deficit, ≥ 90 % the usual return-to-sport target (return-to-sport consensus and reviews).",
  },
  // Movement.
  {
    id: "bramah-2018",
    kind: "evidence",
    citation:
      "Bramah C et al. Is there a pathological gait associated with common soft tissue running injuries? Am J Sports Med 2018;46:3023–31.",
  },
  {
    id: "dingenen-2018",
    kind: "evidence",
    citation:
      "Dingenen B et al. Test-retest reliability of two-dimensional video analysis during running. Phys Ther Sport 2018;33:40–7.",
  },
  {
    id: "herrington-2014",
    kind: "evidence",
    citation:
      "Herrington L. Knee valgus angle during single leg squat and landing in patellofemoral pain patients and controls. Knee 2014;21:514–7.",
  },
  {
    id: "ghulam-2021",
    kind: "evidence",
    citation:
      "Ghulam HSH et al. Frontal plane projection angle during single-leg squat in men with and without patellofemoral pain. 2021.",
  },
  {
    id: "crossley-2011",
    kind: "evidence",
    citation:
      "Crossley KM et al. Performance on the single-leg squat task indicates hip abductor muscle function. Am J Sports Med 2011;39:866–73.",
  },
  {
    id: "novacheck-1998",
    kind: "evidence",
    citation: "Novacheck TF. The biomechanics of running. Gait Posture 1998;7:77–95.",
  },
  {
    id: "tudor-locke-2018",
    kind: "evidence",
    citation:
      "Tudor-Locke C et al. How fast is fast enough? Walking cadence (steps/min) as a practical estimate of intensity in adults: a narrative review. Br J Sports Med 2018;52:776–88.",
  },
  {
    id: "heiderscheit-2011",
    kind: "evidence",
    citation:
      "Heiderscheit BC et al. Effects of step rate manipulation on joint mechanics during running. Med Sci Sports Exerc 2011;43:296–302.",
  },
  {
    id: "lenhart-2014",
    kind: "evidence",
    citation:
      "Lenhart RL et al. Increasing running step rate reduces patellofemoral joint forces. Med Sci Sports Exerc 2014;46:557–64.",
  },
  {
    id: "willson-2014",
    kind: "evidence",
    citation:
      "Willson JD et al. Effects of step length on patellofemoral joint stress in female runners with and without patellofemoral pain. Clin Biomech 2014;29:243–7.",
  },
  {
    id: "souza-2016",
    kind: "evidence",
    citation:
      "Souza RB. An evidence-based videotaped running biomechanics analysis. Phys Med Rehabil Clin N Am 2016;27:217–36.",
  },
  {
    id: "neal-2016",
    kind: "evidence",
    citation:
      "Neal BS et al. Runners with patellofemoral pain have altered biomechanics which targeted interventions can modify: a systematic review. 2016 (2D–3D agreement).",
  },
  {
    id: "schurr-2017",
    kind: "evidence",
    citation:
      "Schurr SA et al. Two-dimensional video analysis is comparable to 3D motion capture in lower extremity movement assessment. Int J Sports Phys Ther 2017;12:163–72.",
  },
  // Treatment and dosing.
  {
    id: "khayambashi-2012",
    kind: "evidence",
    citation:
      "Khayambashi K et al. The effects of isolated hip abductor and external rotator muscle strengthening on pain, health status, and hip strength in females with patellofemoral pain. J Orthop Sports Phys Ther 2012;42:22–9.",
  },
  {
    id: "ferber-2015",
    kind: "evidence",
    citation:
      "Ferber R et al. Strengthening of the hip and core versus knee muscles for the treatment of patellofemoral pain: a multicenter randomized controlled trial. J Athl Train 2015;50:366–77.",
  },
  {
    id: "nascimento-2018",
    kind: "evidence",
    citation:
      "Nascimento LR et al. Hip and knee strengthening is more effective than knee strengthening alone for reducing pain and improving activity in individuals with patellofemoral pain. J Orthop Sports Phys Ther 2018;48:19–31.",
  },
  {
    id: "boren-2011",
    kind: "evidence",
    citation:
      "Boren K et al. Electromyographic analysis of gluteus medius and gluteus maximus during rehabilitation exercises. Int J Sports Phys Ther 2011;6:206–23.",
  },
  {
    id: "distefano-2009",
    kind: "evidence",
    citation:
      "Distefano LJ et al. Gluteal muscle activation during common therapeutic exercises. J Orthop Sports Phys Ther 2009;39:532–40.",
  },
  {
    id: "lewis-2018",
    kind: "evidence",
    citation:
      "Lewis CL et al. Hip-muscle activity in men and women during resisted side stepping with different band positions. J Athl Train 2018.",
  },
  {
    id: "mckay-2020",
    kind: "evidence",
    citation:
      "McKay J, Maffulli N, Aicale R, Taunton J. Iliotibial band syndrome rehabilitation in female runners: a pilot randomized study. J Orthop Surg Res 2020;15 (8-week hip programme, 3 days a week: side-lying abduction 2 × 10 → 3 × 10, modified side plank 2 × 30–40 s, side plank with abduction 2–3 × 10, band walks 2–3 × 15).",
  },
  {
    id: "bandy-1997",
    kind: "evidence",
    citation:
      "Bandy WD, Irion JM, Briggler M. The effect of time and frequency of static stretching on flexibility of the hamstring muscles. Phys Ther 1997;77:1090–6 (a 30 s hold once a day gained as much as longer or repeated holds).",
  },
  // Return to running and load.
  {
    id: "blake-return-to-run",
    kind: "practice-guidance",
    citation:
      "Blake walk/run return-to-running progression: 10 levels from walk 9 min / run 1 min × 3 to 30 min continuous, each level at least 3 times, a rest day between sessions.",
  },
  {
    id: "clinic-return-criteria",
    kind: "practice-guidance",
    citation:
      "Common clinic practice before a first run after knee pain: 30 min of brisk walking without pain or limp, and single-leg tests (single-leg squats, 60 s of hopping) without pain. Configurable defaults, not tested in a trial.",
  },
  {
    id: "trials-2023",
    kind: "evidence",
    citation:
      "Return-to-running programme protocol, Trials 2023: six phases on level ground, at least one rest day between runs, each phase at least twice, no progression with swelling, stiffness or more pain.",
  },
  {
    id: "silbernagel-2007",
    kind: "evidence",
    citation:
      "Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35:897–906.",
  },
  {
    id: "frandsen-2025",
    kind: "evidence",
    citation:
      "Frandsen JSB et al. How much running is too much? Single-session running distance spikes and injury risk in 5,205 runners. Br J Sports Med 2025 (HRR 1.64 for a run > 10 % longer than the longest of the last 30 days).",
  },
  {
    id: "mujika-2000",
    kind: "evidence",
    citation:
      "Mujika I, Padilla S. Detraining: loss of training-induced physiological and performance adaptations. Part I: short term insufficient training stimulus. Sports Med 2000;30:79–87 (adaptations start to fade within 2–4 weeks of stopping training).",
  },
  {
    id: "nielsen-2014",
    kind: "evidence",
    citation:
      "Nielsen RO et al. Excessive progression in weekly running distance and risk of running-related injuries. J Orthop Sports Phys Ther 2014;44:739–47.",
  },
  {
    id: "buist-2008",
    kind: "evidence",
    citation:
      "Buist I et al. No effect of a graded training program on the number of running-related injuries in novice runners. Am J Sports Med 2008;36:33–9.",
  },
  {
    id: "impellizzeri-2020",
    kind: "evidence",
    citation:
      "Impellizzeri FM et al. Acute:chronic workload ratio: conceptual issues and fundamental pitfalls. Int J Sports Physiol Perform 2020;15:907–13.",
  },
  // Outcome measures.
  {
    id: "kujala-1993",
    kind: "instrument",
    citation:
      "Kujala UM et al. Scoring of patellofemoral disorders. Arthroscopy 1993;9:159–63 (Anterior Knee Pain Scale, 13 items, 0–100).",
  },
  {
    id: "crossley-2004",
    kind: "evidence",
    citation:
      "Crossley KM, Bennell KL, Cowan SM, Green S. Analysis of outcome measures for persons with patellofemoral pain: which are reliable and valid? Arch Phys Med Rehabil 2004;85:815–22 (minimal clinically important difference of the AKPS 10 of 100 points).",
  },
  {
    id: "binkley-1999",
    kind: "instrument",
    citation:
      "Binkley JM et al. The Lower Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical application. Phys Ther 1999;79:371–83.",
  },
  {
    id: "crossley-2018",
    kind: "instrument",
    citation:
      "Crossley KM et al. A patient-reported outcome measure for patellofemoral pain: KOOS-PF. Br J Sports Med 2018;52:1130–6.",
  },
  {
    id: "piva-2009",
    kind: "evidence",
    citation:
      "Piva SR et al. Responsiveness of the activities of daily living scale of the knee outcome survey and numeric pain rating scale in patients with patellofemoral pain. J Rehabil Med 2009;41:129–35 (MCID of the numeric pain rating ≈ 1.2 points).",
  },
  {
    id: "farrar-2001",
    kind: "evidence",
    citation:
      "Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94:149–58 (≈ 2 points / 30 %).",
  },
] as const satisfies readonly Source[];

export type SourceId = (typeof list)[number]["id"];

export const SOURCES: Readonly<Record<SourceId, Source>> = Object.fromEntries(
  list.map((source) => [source.id, source]),
) as Record<SourceId, Source>;

/** The citation of a source, for printing. */
export const cite = (id: SourceId): string => SOURCES[id].citation;
