import { type DocJSON, doc, i, op, plain, pp, section, withId } from "@plenary/schema";

// The demo text is fictional: an invented review of an invented framework, written
// in the style of a General Assembly resolution. Every block has a fixed id so that
// links, tests and stored suggestions keep pointing at the same paragraph across restarts.

/** A top-level block as the schema builders return it (the server does not depend on Tiptap itself). */
type Block = ReturnType<typeof pp>;

/** A preambular paragraph whose opening participle is set in italic. */
function preamble(id: string, participle: string, rest: string): Block {
  return withId(pp(i(participle), rest), id);
}

/** An operative paragraph whose opening verb is set in italic. */
function operative(id: string, verb: string, rest: string): Block {
  return withId(op(i(verb), rest), id);
}

/** The draft loaded on first start so that a new installation has something to negotiate. */
export const demoDraft: { id: string; title: string; doc: DocJSON } = {
  id: "demo-zero-draft",
  title: "Review of the Global Framework on Digital Cooperation: zero draft of the outcome document",
  doc: doc(
    withId(plain("The General Assembly,"), "chapeau-general-assembly"),

    preamble(
      "pp-recalling-charter",
      "Recalling",
      " the purposes and principles of the Charter of the United Nations, and affirming that cooperation among States on digital matters must rest upon them,",
    ),
    preamble(
      "pp-reaffirming-framework",
      "Reaffirming",
      " the Global Framework on Digital Cooperation, adopted in 2020, and the shared resolve it expresses to build a digital environment that is open, safe, inclusive and centred on people, and that leaves no country and no community behind,",
    ),
    preamble(
      "pp-recalling-human-rights",
      "Recalling also",
      " that the Universal Declaration of Human Rights and the international human rights treaties apply in full to the design, use and governance of digital technologies, and that the rights people hold offline are owed to them equally online,",
    ),
    preamble(
      "pp-welcoming-contributions",
      "Welcoming",
      " the contributions made to the present review, in writing and in open consultations, by Member States, intergovernmental organizations, civil society, the private sector, the technical community and academia, and taking note of the summary of those consultations prepared by the co-facilitators,",
    ),
    preamble(
      "pp-noting-concern-divides",
      "Noting with concern",
      " that a large part of the world's population still makes no use of the Internet, that gaps in meaningful connectivity are widest in the least developed countries, landlocked developing countries and small island developing States, and that within countries they fall most heavily on women, rural communities, older persons and persons with disabilities,",
    ),
    preamble(
      "pp-recognizing-stakeholders",
      "Recognizing",
      " that digital cooperation is more effective and more legitimate when Governments work with all stakeholders in their respective roles and responsibilities, and that participation is meaningful only when stakeholders have timely access to draft texts, adequate time to respond and an account of how their contributions were considered,",
    ),
    preamble(
      "pp-recognizing-data",
      "Recognizing also",
      " that flows of data sustain trade, research and public services, and that their governance must protect privacy, respect national legal frameworks and build trust among countries,",
    ),
    preamble(
      "pp-expressing-concern-harms",
      "Expressing concern",
      " at the spread of online harassment and abuse, in particular against women, journalists and human rights defenders, and at the use of digital technologies to restrict civic space,",
    ),
    preamble(
      "pp-bearing-in-mind-environment",
      "Bearing in mind",
      " the environmental footprint of digital infrastructure as well as the contribution that digital technologies can make to climate action and sustainable development,",
    ),
    preamble(
      "pp-acknowledging-capacity",
      "Acknowledging",
      " that many developing countries lack the institutional, technical and financial means to take part on an equal footing in shaping digital rules and standards, and that capacity-building must answer needs identified by those countries themselves,",
    ),

    withId(section("I. Shared vision"), "sec-shared-vision"),
    operative(
      "op-reaffirms-commitment",
      "Reaffirms",
      " its commitment to a people-centred and development-oriented digital future in which digital technologies advance the 2030 Agenda for Sustainable Development and the enjoyment of all human rights;",
    ),
    operative(
      "op-affirms-rights-online",
      "Affirms",
      " that human rights must be respected, protected and fulfilled online as they are offline, and calls upon States to refrain from shutting down or throttling Internet access and from other measures that deprive people of information in violation of international law;",
    ),
    operative(
      "op-urges-safeguards",
      "Urges",
      " States to ensure that their laws and policies on surveillance, encryption and the moderation of content comply with the principles of legality, necessity and proportionality, and are subject to independent oversight and effective remedy;",
    ),
    operative(
      "op-calls-upon-companies",
      "Calls upon",
      " digital platforms and other technology companies to respect human rights throughout their operations, to carry out and publish human rights due diligence, and to give users clear means to report harm and to appeal decisions that affect them;",
    ),
    operative(
      "op-encourages-data-governance",
      "Encourages",
      " Member States to develop, with the participation of all stakeholders, interoperable approaches to data governance that protect personal data and privacy, enable trusted cross-border flows of data and share the benefits of data fairly among and within countries;",
    ),
    operative(
      "op-underlines-participation",
      "Underlines",
      " that the multistakeholder approach is an essential feature of digital cooperation, and resolves to give all stakeholders timely access to draft texts under negotiation, the opportunity to propose language, and a public account of how their proposals were considered;",
    ),
    operative(
      "op-stresses-gender-divide",
      "Stresses",
      " the need to close the gender digital divide, including by removing barriers of cost, skills, safety and social norms, and to increase the share of women and girls in technical and decision-making roles;",
    ),

    withId(section("II. Bridging digital divides"), "sec-digital-divides"),
    operative(
      "op-resolves-connectivity",
      "Resolves",
      " to pursue universal and meaningful connectivity by 2035, understood as reliable and affordable access at adequate speed, with a suitable device, the skills to use it and relevant content in local languages;",
    ),
    operative(
      "op-calls-upon-infrastructure",
      "Calls upon",
      " Member States, in cooperation with the private sector and international financial institutions, to invest in resilient broadband infrastructure, including in rural and remote areas, and to adopt open and non-discriminatory access policies for backbone networks and submarine cables;",
    ),
    operative(
      "op-encourages-community-networks",
      "Encourages",
      " regulators to make room for community networks and other locally owned models of connectivity, including through affordable access to spectrum and simplified licensing;",
    ),
    operative(
      "op-invites-public-access",
      "Invites",
      " Member States to extend free or low-cost public access to the Internet in libraries, schools, post offices and community centres, paying particular attention to the needs of persons with disabilities and older persons;",
    ),
    operative(
      "op-urges-accessibility",
      "Urges",
      " Member States and the private sector to apply international accessibility standards to digital public services, websites and applications, and to involve persons with disabilities in their design and testing;",
    ),
    operative(
      "op-encourages-languages",
      "Encourages",
      " the creation of digital content, tools and services in local and indigenous languages, and of open language technologies for the languages that are least present online;",
    ),
    operative(
      "op-calls-upon-capacity-building",
      "Calls upon",
      " developed countries and other partners in a position to do so to scale up capacity-building in digital skills, cybersecurity, data governance and digital policymaking that responds to the priorities of recipient countries, with particular attention to the least developed countries, landlocked developing countries and small island developing States;",
    ),
    operative(
      "op-decides-capacity-network",
      "Decides",
      " to establish a voluntary network of capacity-building centres, drawing on existing regional institutions, to share curricula, expertise and open-source tools, and invites Member States and other stakeholders to contribute to it;",
    ),
    operative(
      "op-stresses-financing",
      "Stresses",
      " that closing digital divides will require financing that is substantially greater and more predictable, and encourages multilateral development banks to make digital infrastructure and skills an explicit priority of their lending and grant programmes;",
    ),
    operative(
      "op-invites-universal-service",
      "Invites",
      " Member States to make use of universal service funds, blended finance and public-private partnerships to bring connectivity to areas that markets alone do not reach, and to report publicly on how such funds are spent;",
    ),
    operative(
      "op-encourages-public-infrastructure",
      "Encourages",
      " the development and sharing of digital public goods and of interoperable digital public infrastructure that are safe, inclusive and respectful of privacy, in line with national priorities;",
    ),

    withId(section("III. Follow-up and review"), "sec-follow-up"),
    operative(
      "op-decides-review",
      "Decides",
      " to convene a high-level review of the implementation of the Global Framework on Digital Cooperation every four years, the next to be held in 2029, preceded by an open preparatory process with the full participation of all stakeholders;",
    ),
    operative(
      "op-requests-sg-report",
      "Requests",
      " the Secretary-General to submit to the General Assembly at its eighty-fourth session a report on progress made in implementing the present resolution, including data on participation in the preparatory process disaggregated by region, sex and stakeholder group;",
    ),
    operative(
      "op-invites-forum",
      "Invites",
      " the annual Digital Cooperation Forum to devote a session each year to the implementation of the present resolution and to transmit its main messages to the Economic and Social Council;",
    ),
    operative(
      "op-encourages-national-reviews",
      "Encourages",
      " Member States to conduct regular and inclusive national reviews of progress and to present them, on a voluntary basis, at the Forum;",
    ),
    operative(
      "op-requests-sg-record",
      "Requests",
      " the Secretary-General to maintain a public online record of the commitments made under the Framework and of the progress reported on them, accessible to persons with disabilities and available in all official languages of the United Nations;",
    ),
    operative(
      "op-calls-upon-transparency",
      "Calls upon",
      " the co-facilitators of future review processes to publish each revision of the draft outcome document together with a report indicating which proposals were taken up, which were not, and the reasons for each decision;",
    ),
    operative(
      "op-decides-agenda-item",
      "Decides",
      " to include in the provisional agenda of its eighty-fourth session, under the item entitled “Information and communications technologies for sustainable development”, a sub-item entitled “Review of the Global Framework on Digital Cooperation”.",
    ),
  ),
};
