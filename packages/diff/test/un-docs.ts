// Real drafts of the WSIS+10 outcome document (2015), as stored from public copies: the
// opening paragraphs only, each cut off mid-paragraph at its last line, sources on the first line.
// Known correspondence (by reading them): paragraph 1 of the zero draft is paragraph 1 of the
// 7 December draft, with a clause added at its end ("and also that the General Assembly, in its
// resolution 68/302 … stakeholders") and a "[Suggested for Closure]" tag.

/** The zero draft with the amendments proposed by the G77 (19 October 2015): 1bis, 1ter, 1quat. */
export const ZERO_DRAFT = `source: https://businessdocbox.com/Government/120107065-United-nations-general-assembly-s-overall-review-of-the-implementation-of-wsis-outcomes.html
title: United Nations General Assembly's Overall Review of the Implementation of WSIS Outcomes — Zero Draft, with the amendments proposed by the G77 (19 October 2015). Excerpt: the opening paragraphs as stored; the last one is cut off.

Preamble
1. Recalling the request in paragraph 111 of the Tunis Agenda for the Information Society to the General Assembly to undertake the overall review of the implementation of the outcomes of the World Summit on the Information Society (WSIS) in 2015, and in this regard reaffirming the centrality of the General Assembly to this process;
1bis. We reiterate our commitment to the objectives, goals and targets established in the Geneva Declaration of Principles, the Geneva Plan of Action, the Tunis Commitment and the Tunis Agenda for the Information Society, as well as its Action Lines as well as to the full implementation of all unresolved and unfinished business o the Geneva Plan of Action and the Tunis Agenda. (former 6 amended)
1ter. Reaffirming its resolution 70/1, entitled Transforming our world: The 2030 Agenda for Sustainable Development, and further recognizing that it builds on the Millennium Development Goals and seeks to complete its unfinished business, and stressing the importance of the implementation of this new ambitious Agenda, which has poverty eradication at its core and aims at promoting the social, economic and environmental dimensions of sustainable development
1quat. Reaffirming also its resolution 69/313, entitled Addis Ababa Action Agenda of the Third International Conference on Financing for Development, which is an integral part of the 2030 Agenda for Sustainable Development, supports and complements it and helps to contextualize its means of implementation targets with concrete policies and actions within the framework of a revitalized Global Partnership for Sustainable Development
2. Recall
`;

/** The draft outcome document of 7 December 2015, with the co-facilitators' "[Suggested for Closure]" tags. */
export const DECEMBER_DRAFT = `source: https://businessdocbox.com/Government/96040400-Draft-outcome-document-7-december-preamble.html
title: Outcome Document of the High-Level Meeting of the General Assembly on the Overall Review of the Implementation of WSIS Outcomes — Draft Outcome Document, 7 December 2015. Excerpt: the opening paragraphs as stored; the last one is cut off. "[Suggested for Closure]" is the co-facilitators' tag on paragraphs they consider settled.

Preamble
1. Recalling the request in paragraph 111 of the Tunis Agenda for the Information Society to the General Assembly to undertake the overall review of the implementation of the outcomes of the World Summit on the Information Society (WSIS) in 2015, and in this regard reaffirming the centrality of the General Assembly to this process and also that the General Assembly, in its resolution 68/302 of 31 July 2014, decided that the overall review would be concluded by a two-day high-level meeting of the General Assembly, preceded by an intergovernmental preparatory process that also takes into account inputs from all relevant WSIS stakeholders; [Suggested for Closure]
2. Welcoming the constructive and diverse inputs from governments, the private sector, civil society, international organizations, the technical and academic communities, and all other relevant stakeholders, in taking stock of the progress made in the implementation of the outcomes of the WSIS and addressing potential information and communication technology (ICT) gaps and areas for continued focus, as well as challenges, including bridging digital divides and harnessing ICT for development;
3. Building on, among other relevant inputs, the ten-year WSIS reviews conducted by the Commission on Science and Technology for Development (CSTD) in May 2015; the UNESCO-hosted multistakeholder conference Towards Knowledge Societies for Peace and Sustainable Development, held in February 2013, and its outcomes; and the multistakeholder WSIS +10 High Level Event hosted by ITU in June 2014, including its outcomes; [Suggested for Closure]
4. Reaffirming its resolution 70/1 of 25 Se
`;
