import { rule } from './rule';

/**
 * Which NACE sectors treat which wastes as recycling or recovery operators. Curated from
 * the NACE Rév. 2 explanatory notes (division 38: 38.11/38.12 collection, 38.21/38.22
 * treatment, 38.31 dismantling of wrecks, 38.32 recovery of sorted materials; 46.77
 * wholesale of waste and scrap; the secondary smelters of group 24.4 and 24.5), from
 * Eurostat's treatment statistics by waste category (env_wastrt) and from the BREFs that
 * describe each recycling route (waste treatment, non-ferrous metals, iron and steel,
 * cement kilns).
 */
const recovery = rule('recovery');

export const RECOVERY_OPERATORS = [
  recovery(['metal_scrap', 'ferrous_scrap', 'aluminium_scrap', 'copper_scrap', 'nonferrous_scrap', 'vehicles'], ['3832', '4677'], 1.5, 'les récupérateurs et négociants de métaux (38.32, 46.77) trient et reconditionnent la ferraille', 'scrap metal recyclers and dealers (38.32, 46.77) sort and prepare scrap', 'naceNotes'),
  recovery(['ferrous_scrap', 'metal_scrap'], ['2410'], 1.2, 'les aciéries électriques refondent la ferraille', 'electric arc furnace steelworks remelt scrap', 'brefIronSteel'),
  recovery(['ferrous_scrap'], ['2451', '2452'], 0.7, 'les fonderies de fonte et d’acier enfournent de la ferraille', 'iron and steel foundries charge scrap', 'brefIronSteel'),
  recovery(['aluminium_scrap'], ['2442', '2453'], 1.2, "les affineurs et fonderies d'aluminium de seconde fusion refondent les chutes", 'secondary aluminium refiners and foundries remelt scrap', 'brefNonFerrous'),
  recovery(['copper_scrap'], ['2444', '2454'], 1.2, 'les affineries et fonderies de cuivre recyclent cuivre et laiton', 'copper refineries and foundries recycle copper and brass', 'brefNonFerrous'),
  recovery(['nonferrous_scrap'], ['244', '2454'], 1.0, 'la métallurgie des non-ferreux (24.4) recycle zinc, plomb, nickel et métaux précieux', 'non-ferrous metallurgy (24.4) recycles zinc, lead, nickel and precious metals', 'brefNonFerrous'),
  recovery(['lead_acid_batteries'], ['2443'], 2.0, 'les fonderies de plomb de seconde fusion (24.43) recyclent les batteries au plomb', 'secondary lead smelters (24.43) recycle lead-acid batteries', 'batteryDirective'),
  recovery(['batteries', 'lithium_batteries'], ['3822', '2445'], 1.0, 'les recycleurs de batteries (38.22, 24.45) récupèrent nickel, cobalt et lithium', 'battery recyclers (38.22, 24.45) recover nickel, cobalt and lithium', 'batteryDirective'),
  recovery(['batteries', 'lead_acid_batteries'], ['3832', '4677'], 0.6, 'les récupérateurs collectent et trient les batteries usagées', 'scrap dealers collect and sort spent batteries', 'batteryDirective'),
  recovery(['weee'], ['3831', '3832'], 1.3, 'les démanteleurs de DEEE (38.31, 38.32) dépolluent et séparent les matières', 'WEEE dismantlers (38.31, 38.32) depollute and separate materials', 'naceNotes'),
  recovery(['weee', 'spent_catalyst'], ['2441', '2444', '2445'], 0.9, 'les affineurs récupèrent cuivre et métaux précieux des cartes et catalyseurs', 'refiners recover copper and precious metals from boards and catalysts', 'brefNonFerrous'),
  recovery(['vehicles'], ['3831'], 1.3, 'les démolisseurs agréés (38.31) traitent les véhicules hors d’usage', 'authorised dismantlers (38.31) treat end-of-life vehicles', 'naceNotes'),
  recovery(['plastics', 'rubber'], ['3832'], 1.1, 'les régénérateurs de plastiques (38.32) broient et regranulent', 'plastics recyclers (38.32) shred and regranulate', 'naceNotes'),
  recovery(['plastics'], ['2016', '2221', '2222', '2229'], 0.7, 'les plasturgistes et compoundeurs incorporent des matières recyclées', 'plastics converters and compounders use recycled material', 'eurostatIo'),
  recovery(['tyres'], ['3832', '2219'], 1.0, 'les granulateurs de pneus (38.32) produisent poudrette et granulats de caoutchouc', 'tyre granulators (38.32) produce rubber crumb', 'naceNotes'),
  recovery(['tyres', 'solid_recovered_fuel', 'solvents', 'used_oil', 'paint', 'plastics'], ['2351'], 0.8, 'les cimenteries valorisent en combustible de substitution', 'cement kilns co-process them as alternative fuel', 'brefCement'),
  recovery(['paper_cardboard'], ['1712', '1711', '1721'], 1.2, 'les papeteries et cartonneries recyclent les vieux papiers et cartons', 'paper and board mills recycle waste paper and cardboard', 'brefPaper'),
  recovery(['paper_cardboard', 'textiles', 'glass', 'wood', 'packaging'], ['3832', '4677'], 0.8, 'les centres de tri et de préparation (38.32, 46.77) reprennent les matières triées', 'sorting and preparation centres (38.32, 46.77) take sorted materials', 'naceNotes'),
  recovery(['glass'], ['2313', '2311', '2314'], 1.2, 'les verreries refondent le calcin', 'glassworks remelt cullet', 'eurostatWaste'),
  recovery(['wood', 'pallets', 'sawdust'], ['1621'], 1.0, 'les fabricants de panneaux de particules recyclent le bois', 'particleboard makers recycle wood', 'eurostatWaste'),
  recovery(['pallets'], ['1624'], 1.1, 'les fabricants et reconditionneurs de palettes (16.24) reprennent les palettes', 'pallet makers and reconditioners (16.24) take back pallets', 'naceNotes'),
  recovery(['wood', 'sawdust', 'biomass', 'crop_residues', 'bagasse', 'solid_recovered_fuel', 'green_waste'], ['3511', '3530'], 0.8, 'les chaufferies biomasse et cogénérations brûlent le bois et les résidus', 'biomass boilers and CHP plants burn wood and residues', 'eurostatEnergy'),
  recovery(['textiles'], ['1399', '1310'], 0.6, 'les effilocheurs et fabricants de non-tissés recyclent les fibres', 'fibre reclaimers and non-woven makers recycle fibres', 'eurostatWaste'),
  recovery(['used_oil'], ['1920', '3822'], 1.1, 'les régénérateurs (19.20) et centres de traitement (38.22) reprennent les huiles usagées', 're-refiners (19.20) and hazardous waste centres (38.22) take used oils', 'brefWasteTreatment'),
  recovery(['solvents', 'paint', 'glue', 'acid', 'caustic'], ['3822'], 1.0, 'les centres de traitement des déchets dangereux (38.22) régénèrent ou neutralisent', 'hazardous waste centres (38.22) regenerate or neutralise them', 'brefWasteTreatment'),
  recovery(['activated_carbon'], ['2059'], 1.8, 'la régénération thermique du charbon actif est faite par ses fabricants (20.59)', 'activated carbon is thermally regenerated by its makers (20.59)', 'brefWasteTreatment'),
  recovery(['spent_catalyst'], ['2445', '2441', '3822'], 0.9, 'les affineurs récupèrent nickel, cobalt, molybdène et platinoïdes des catalyseurs', 'refiners recover nickel, cobalt, molybdenum and platinum metals from catalysts', 'brefNonFerrous'),
  recovery(['construction_waste', 'soil_stones', 'bottom_ash', 'slag'], ['4211', '4312', '0812'], 0.9, 'travaux routiers, terrassements et carrières recyclent en granulats et remblais', 'road builders, earthworks and quarries recycle them as aggregate and fill', 'eurostatWaste'),
  recovery(['construction_waste'], ['3832', '3821'], 0.7, 'les plateformes de recyclage concassent les inertes', 'recycling platforms crush inert waste', 'eurostatWaste'),
  recovery(['food_waste', 'organic_waste', 'green_waste', 'manure', 'sludge', 'dairy_byproducts', 'coffee_grounds', 'crop_residues'], ['3821'], 1.0, 'le compostage et la méthanisation (38.21) valorisent les matières organiques', 'composting and anaerobic digestion (38.21) recover organic matter', 'eurostatWaste'),
  recovery(['food_waste', 'organic_waste', 'manure', 'vinasse', 'spent_grain', 'dairy_byproducts', 'starch_sugar_residues'], ['3521'], 0.7, 'les méthaniseurs produisent du biogaz à partir de ces matières', 'anaerobic digesters make biogas from them', 'eurostatEnergy'),
  recovery(['industrial_waste', 'packaging', 'metal_scrap', 'plastics', 'paper_cardboard', 'wood'], ['3811', '3812'], 0.5, 'les collecteurs de déchets (38.11, 38.12) enlèvent ces déchets', 'waste collectors (38.11, 38.12) take such waste', 'naceNotes'),
  recovery(['industrial_waste'], ['3821', '3832'], 0.6, 'les centres de tri et de traitement reçoivent les déchets en mélange', 'sorting and treatment centres take mixed waste', 'eurostatWaste'),
  recovery(['sludge', 'wastewater'], ['3700'], 0.7, 'les stations d’épuration reçoivent boues liquides et matières de vidange', 'sewage works take liquid sludge and septic waste', 'eurostatWaste'),
];
