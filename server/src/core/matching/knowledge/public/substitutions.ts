import { rule } from './rule';

/**
 * Substitution rules of material categories: which sectors use a by-product as a raw
 * material, fuel, feed or fertiliser instead of a primary one. Curated from the process
 * descriptions of the BREFs (cement, chemicals, food, paper, iron and steel), the EU
 * rules on animal by-products and feed, and the input structure of the FIGARO
 * input–output tables (which sectors buy the CPA product the by-product replaces).
 */
const use = rule('substitution');

export const SUBSTITUTIONS = [
  use(['gypsum'], ['2362'], 1.8, 'les fabricants de plaques de plâtre (23.62) remplacent le gypse naturel', 'plasterboard makers (23.62) replace natural gypsum', 'brefCement'),
  use(['gypsum'], ['2352', '2351'], 0.9, 'plâtrières et cimenteries (régulateur de prise) utilisent du gypse', 'plaster works and cement plants (set regulator) use gypsum', 'brefCement'),
  use(['slag', 'fly_ash', 'silica_sand', 'cement_dust', 'red_mud', 'mill_scale', 'lime', 'calcium_carbonate', 'paper_sludge', 'spent_catalyst', 'refractories'], ['2351'], 1.0, 'les cimenteries substituent ces matières au cru ou au clinker', 'cement plants substitute them for raw meal or clinker', 'brefCement'),
  use(['slag', 'fly_ash', 'bottom_ash', 'silica_sand', 'construction_waste'], ['2361', '2363', '2364', '2369'], 0.9, 'les fabricants de béton et de produits en béton les emploient en granulats ou liants', 'concrete and concrete-product makers use them as aggregate or binder', 'brefCement'),
  use(['fly_ash', 'bottom_ash', 'soil_stones', 'paper_sludge', 'red_mud'], ['2332', '2331'], 0.7, 'briqueteries et tuileries les ajoutent à l’argile', 'brick and tile works add them to clay', 'eurostatIo'),
  use(['refractories'], ['2320'], 1.0, 'les fabricants de réfractaires recyclent les réfractaires usés en chamotte', 'refractory makers recycle spent refractories as grog', 'eurostatWaste'),
  use(['mill_scale', 'coal_coke'], ['2410'], 1.0, 'les aciéries réutilisent calamine et fines de coke (agglomération)', 'steelworks reuse mill scale and coke fines (sintering)', 'brefIronSteel'),
  use(['coal_coke', 'fuel_oil', 'solid_recovered_fuel'], ['3511', '2351'], 0.8, 'centrales et cimenteries brûlent ces combustibles', 'power and cement plants burn these fuels', 'eurostatEnergy'),
  use(['silica_sand'], ['2451', '2452', '2311', '2313'], 0.6, 'fonderies et verreries utilisent du sable siliceux', 'foundries and glassworks use silica sand', 'eurostatIo'),

  use(['sulphuric_acid'], ['2015'], 1.6, "les fabricants d'engrais (20.15) consomment de l'acide sulfurique (superphosphates, sulfate d'ammonium)", 'fertiliser makers (20.15) consume sulphuric acid (superphosphates, ammonium sulphate)', 'brefChemicals'),
  use(['sulphuric_acid', 'hydrochloric_acid', 'acid'], ['2013', '2014'], 0.9, 'la chimie minérale et organique de base utilise ces acides', 'basic inorganic and organic chemistry uses these acids', 'brefChemicals'),
  use(['sulphuric_acid', 'acid'], ['2443', '2444', '2445', '2442'], 0.7, 'l’hydrométallurgie lixivie les minerais et concentrés à l’acide', 'hydrometallurgy leaches ores and concentrates with acid', 'brefNonFerrous'),
  use(['hydrochloric_acid', 'acid'], ['2410', '2561', '2511'], 0.6, 'décapage de l’acier et traitement de surface utilisent des acides', 'steel pickling and surface treatment use acids', 'brefIronSteel'),
  use(['acid', 'caustic', 'lime', 'calcium_carbonate'], ['3600', '3700'], 0.6, 'usines d’eau et stations d’épuration neutralisent le pH', 'waterworks and sewage plants neutralise pH', 'eurostatIo'),
  use(['caustic'], ['1711', '1712', '2013', '2442'], 1.0, 'pâte à papier, chimie minérale et alumine (procédé Bayer) consomment de la soude', 'pulp, inorganic chemicals and alumina (Bayer process) use caustic soda', 'brefPaper'),
  use(['sulphur'], ['2013', '2015'], 1.4, "le soufre sert à produire l'acide sulfurique et les engrais", 'sulphur is made into sulphuric acid and fertilisers', 'brefChemicals'),
  use(['ammonium_salts', 'fertiliser', 'digestate'], ['2015'], 1.3, "les fabricants d'engrais (20.15) formulent sels ammoniacaux et matières fertilisantes", 'fertiliser makers (20.15) formulate ammonium salts and nutrients', 'brefChemicals'),
  use(['ammonium_salts', 'fertiliser', 'digestate', 'lime', 'calcium_carbonate', 'ash', 'sludge', 'manure', 'vinasse', 'soil_stones'], ['01'], 0.8, 'les exploitations agricoles épandent ces amendements et engrais', 'farms spread these fertilisers and soil improvers', 'eurostatIo'),
  use(['chlorine'], ['3600', '2013', '2016'], 1.0, "désinfection de l'eau, chimie minérale et PVC consomment du chlore", 'water disinfection, inorganic chemicals and PVC use chlorine', 'brefChemicals'),
  use(['light_hydrocarbons'], ['2016', '2014'], 1.3, 'pétrochimie et polymérisation consomment éthylène et propylène', 'petrochemicals and polymerisation use ethylene and propylene', 'brefChemicals'),
  use(['ethanol', 'solvents'], ['2014', '2030', '2042', '2120'], 0.7, 'chimie organique, peintures, cosmétiques et pharmacie emploient solvants et alcools', 'organic chemicals, paints, cosmetics and pharmaceuticals use solvents and alcohols', 'eurostatIo'),
  use(['ethanol'], ['1920', '1101'], 0.7, 'raffineries (incorporation) et distilleries reprennent l’éthanol', 'refineries (blending) and distilleries take ethanol', 'eurostatIo'),
  use(['cooking_oil', 'animal_byproducts'], ['2059', '1920'], 1.2, 'producteurs de biodiesel (20.59) et raffineries (HVO) transforment huiles et graisses usagées', 'biodiesel makers (20.59) and refineries (HVO) process used oils and fats', 'eurostatEnergy'),
  use(['animal_byproducts'], ['1011', '1041', '1092'], 0.9, 'équarrisseurs, fondoirs et aliments pour animaux de compagnie transforment les sous-produits animaux', 'renderers, fat melters and pet-food makers process animal by-products', 'abpRegulation'),
  use(['animal_byproducts'], ['2059', '1511'], 0.6, 'gélatine, colles et tanneries utilisent os, peaux et graisses', 'gelatine, glue and tanneries use bones, hides and fats', 'abpRegulation'),

  use(['molasses'], ['1101'], 1.6, 'les distilleries (11.01) fermentent la mélasse', 'distilleries (11.01) ferment molasses', 'brefFood'),
  use(['molasses'], ['1089'], 1.4, 'les levureries (10.89) cultivent la levure sur mélasse', 'yeast plants (10.89) grow yeast on molasses', 'brefFood'),
  use(['molasses', 'spent_grain', 'pomace', 'bagasse', 'dairy_byproducts', 'yeast', 'starch_sugar_residues', 'crop_residues', 'coffee_grounds', 'vinasse', 'food_waste'], ['1091', '1092'], 1.0, "les fabricants d'aliments pour animaux (10.91) incorporent les coproduits agroalimentaires", 'feed mills (10.91) incorporate food-industry co-products', 'brefFood'),
  use(['spent_grain', 'pomace', 'dairy_byproducts', 'yeast', 'crop_residues', 'starch_sugar_residues'], ['014'], 1.0, 'les élevages nourrissent leurs animaux de drêches, pulpes, lactosérum et levures', 'livestock farms feed spent grain, pulp, whey and yeast', 'brefFood'),
  use(['molasses', 'starch_sugar_residues'], ['2059', '2014'], 0.6, "fermentation industrielle (acide citrique, éthanol) et chimie biosourcée utilisent les sucres", 'industrial fermentation (citric acid, ethanol) and bio-based chemistry use sugars', 'brefFood'),
  use(['pomace'], ['1101', '1041'], 1.0, 'distilleries et huileries valorisent marcs, lies et grignons', 'distilleries and oil mills process marc, lees and pomace', 'brefFood'),
  use(['vinasse'], ['2015'], 0.9, 'les vinasses concentrées entrent dans les engrais potassiques', 'concentrated vinasse goes into potash fertilisers', 'brefFood'),
  use(['dairy_byproducts'], ['1051', '1086'], 0.8, 'les laiteries transforment le lactosérum en poudres et protéines', 'dairies turn whey into powders and proteins', 'brefFood'),
  use(['bagasse', 'crop_residues', 'sawdust', 'paper_sludge'], ['1711', '1712', '1621', '1629'], 0.6, 'pâte à papier, panneaux et granulés utilisent fibres végétales et sciure', 'pulp, board and pellet makers use plant fibres and sawdust', 'brefPaper'),
  use(['sawdust', 'crop_residues'], ['014', '0146', '0147'], 0.6, 'les élevages utilisent sciure et paille en litière', 'livestock farms use sawdust and straw as bedding', 'eurostatIo'),
  use(['coffee_grounds', 'spent_grain', 'sawdust'], ['0113'], 0.4, 'les champignonnières cultivent sur substrats de marc de café, drêches et sciure', 'mushroom growers use coffee grounds, spent grain and sawdust substrates', 'eurostatIo'),
  use(['black_liquor'], ['1711'], 1.2, 'les usines de pâte régénèrent la liqueur noire en chaudière de récupération', 'pulp mills recover black liquor in recovery boilers', 'brefPaper'),
  use(['paper_cardboard', 'paper_sludge', 'textiles'], ['2399', '2229', '1729'], 0.4, 'les fabricants d’isolants, de moulés et d’articles en papier utilisent fibres de récupération', 'insulation, moulded and paper-article makers use recovered fibres', 'eurostatIo'),
  use(['textiles'], ['1392', '1395', '3299'], 0.4, 'chiffons d’essuyage, non-tissés et rembourrages reprennent les textiles usagés', 'wipers, non-wovens and padding use used textiles', 'eurostatIo'),
  use(['packaging', 'pallets'], ['4941', '5210', '5229', '46'], 0.4, 'transporteurs, entrepôts et grossistes réemploient emballages et palettes', 'hauliers, warehouses and wholesalers reuse packaging and pallets', 'eurostatIo'),
];
