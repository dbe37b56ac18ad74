import { rule } from './rule';

/**
 * Which sectors consume which utilities: steam, heat, hot water, cold, electricity,
 * fuel gases, hydrogen, CO₂ and water. Curated from the sector breakdown of final
 * energy use (Eurostat energy balances, derived heat and fuels by industry sub-sector),
 * the purchases of utilities by industry in the FIGARO input–output tables (CPA 35.3
 * "steam and air conditioning", CPA 36 "water"), ADEME's survey of industrial waste heat
 * and of its outlets, and the process descriptions of the BREFs. Weights rank how much
 * of the flow a sector typically uses relative to the others.
 */
const demand = rule('demand');

export const SECTOR_DEMAND = [
  demand(['steam'], ['1920'], 1.3, 'les raffineries consomment de la vapeur basse pression', 'refineries consume low-pressure steam', 'eurostatEnergy'),
  demand(['steam'], ['20'], 1.4, 'la chimie consomme de la vapeur de procédé (chauffage, distillation)', 'chemical plants use process steam (heating, distillation)', 'eurostatEnergy'),
  demand(['steam'], ['17'], 1.1, 'les papeteries sèchent le papier à la vapeur', 'paper mills dry paper with steam', 'brefPaper'),
  demand(['steam'], ['10', '11'], 0.9, "l'agroalimentaire utilise de la vapeur (cuisson, stérilisation, nettoyage)", 'food and drink plants use steam (cooking, sterilising, cleaning)', 'brefFood'),
  demand(['steam'], ['1051', '1081', '1062', '1101', '1106'], 0.6, 'laiteries, sucreries, amidonneries et distilleries sont de grosses consommatrices de vapeur', 'dairies, sugar, starch and distilling plants are large steam users', 'brefFood'),
  demand(['steam'], ['3530'], 1.0, 'les réseaux de chaleur et de vapeur distribuent la vapeur récupérée', 'district heating and steam networks distribute recovered steam', 'eurostatIo'),
  demand(['steam'], ['21', '13', '2211', '9601'], 0.5, 'pharmacie, ennoblissement textile, vulcanisation et blanchisseries industrielles utilisent de la vapeur', 'pharmaceuticals, textile finishing, vulcanising and industrial laundries use steam', 'eurostatEnergy'),

  demand(['heat', 'hot_water'], ['3530'], 1.3, 'les réseaux de chaleur valorisent la chaleur fatale', 'district heating networks take recovered waste heat', 'ademeHeat'),
  demand(['heat', 'hot_water', 'co2'], ['0113', '0119', '0130'], 1.2, 'les serres maraîchères et horticoles se chauffent et consomment du CO₂', 'vegetable and flower greenhouses need heat and CO₂', 'ademeHeat'),
  demand(['heat', 'hot_water'], ['10', '11'], 0.7, "l'agroalimentaire consomme de la chaleur basse température (lavage, séchage, pasteurisation)", 'food and drink plants use low-temperature heat (washing, drying, pasteurising)', 'ademeHeat'),
  demand(['heat', 'hot_water'], ['1610', '1629', '1091', '0161', '0163'], 0.7, 'scieries, granulés, aliments du bétail et séchoirs agricoles sèchent à la chaleur', 'sawmills, pellet plants, feed mills and crop dryers use heat for drying', 'ademeHeat'),
  demand(['heat', 'hot_water'], ['0321', '0322'], 0.6, "l'aquaculture chauffe ses bassins", 'fish farms heat their ponds', 'ademeHeat'),
  demand(['heat', 'hot_water'], ['9311', '9604', '8610', '5510'], 0.5, 'piscines, bains, hôpitaux et hôtels consomment de l’eau chaude toute l’année', 'swimming pools, baths, hospitals and hotels use hot water all year', 'eurostatEnergy'),
  demand(['heat', 'hot_water'], ['17', '20', '13'], 0.5, 'papeteries, chimie et textile préchauffent eau et air de procédé', 'paper, chemicals and textile plants preheat process water and air', 'eurostatEnergy'),

  demand(['cooling'], ['1011', '1012', '1013', '1051', '1052', '1089', '5210'], 0.9, 'viandes, laitages, plats préparés et entrepôts frigorifiques consomment du froid', 'meat, dairy, prepared-food plants and cold stores use refrigeration', 'eurostatEnergy'),
  demand(['cooling'], ['6311'], 0.9, 'les centres de données ont besoin de froid en continu', 'data centres need cooling around the clock', 'eurostatEnergy'),
  demand(['cooling'], ['3511', '1920', '20', '2410'], 0.6, 'centrales, raffineries, chimie et sidérurgie refroidissent leurs procédés', 'power plants, refineries, chemicals and steel cool their processes', 'eurostatEnergy'),
  demand(['cooling'], ['11', '2222', '2229'], 0.5, 'boissons et plasturgie refroidissent moules et produits', 'beverage and plastics plants cool moulds and products', 'eurostatEnergy'),

  demand(['electricity'], ['2410', '2442', '2443', '2444', '2013'], 1.0, 'électrosidérurgie, électrolyse de l’aluminium, du zinc et du chlore consomment beaucoup d’électricité', 'electric steelmaking and electrolysis (aluminium, zinc, chlorine) use much electricity', 'eurostatEnergy'),
  demand(['electricity'], ['17', '2351', '23', '6311', '3600', '2222'], 0.6, 'papeteries, cimenteries, matériaux, centres de données, eau et plasturgie sont électro-intensifs', 'paper, cement, building materials, data centres, water and plastics are electricity-intensive', 'eurostatEnergy'),
  demand(['electricity'], ['10', '5210', '4711'], 0.4, 'industries agroalimentaires, entrepôts et grandes surfaces consomment de l’électricité (froid)', 'food plants, warehouses and supermarkets use electricity (refrigeration)', 'eurostatEnergy'),

  demand(['fuel_gas', 'biogas'], ['3511', '3530'], 1.2, 'centrales et cogénérations brûlent les gaz de procédé et le biogaz', 'power and CHP plants burn process gases and biogas', 'eurostatEnergy'),
  demand(['fuel_gas'], ['2410', '2351', '23', '1920'], 0.7, 'fours sidérurgiques, cimentiers, verriers et raffineries brûlent des gaz combustibles', 'steel, cement, glass furnaces and refineries burn fuel gases', 'eurostatEnergy'),
  demand(['fuel_gas'], ['2015', '2014'], 0.5, "l'ammoniac et le méthanol se synthétisent à partir de gaz riches en hydrogène", 'ammonia and methanol are made from hydrogen-rich gases', 'brefChemicals'),
  demand(['biogas'], ['3521', '3522'], 1.0, 'les gestionnaires de réseaux de gaz injectent le biométhane', 'gas network operators inject biomethane', 'eurostatEnergy'),

  demand(['hydrogen'], ['1920'], 1.2, "les raffineries consomment de l'hydrogène (hydrodésulfuration)", 'refineries consume hydrogen (hydrotreating)', 'brefChemicals'),
  demand(['hydrogen'], ['2015', '2014', '2011'], 1.0, "engrais azotés, méthanol et gaz industriels utilisent l'hydrogène", 'nitrogen fertilisers, methanol and industrial gases use hydrogen', 'brefChemicals'),
  demand(['hydrogen'], ['2410', '4950', '4931'], 0.4, "la sidérurgie et les transports s'équipent pour l'hydrogène", 'steelmaking and transport are taking up hydrogen', 'eurostatEnergy'),

  demand(['co2'], ['1107', '1105', '1102'], 1.1, 'les boissons gazeuses, bières et vins mousseux consomment du CO₂', 'soft drinks, beer and sparkling wine use CO₂', 'eurostatIo'),
  demand(['co2'], ['2011'], 1.0, 'les producteurs de gaz industriels purifient et revendent le CO₂', 'industrial gas producers purify and sell CO₂', 'eurostatIo'),
  demand(['co2'], ['2015', '2013', '1712'], 0.7, "urée, carbonates précipités et papeteries (PCC) consomment du CO₂", 'urea, precipitated carbonates and paper mills (PCC) use CO₂', 'brefChemicals'),
  demand(['co2'], ['1011', '1013', '1085', '5210'], 0.5, 'la découpe et la logistique du froid utilisent le CO₂ (neige carbonique, glace sèche)', 'meat cutting and cold logistics use CO₂ (dry ice)', 'eurostatIo'),
  demand(['co2'], ['3600', '2361'], 0.4, "les usines d'eau (reminéralisation) et le béton (carbonatation) utilisent du CO₂", 'waterworks (remineralisation) and concrete (carbonation) use CO₂', 'eurostatIo'),

  demand(['process_water', 'rainwater'], ['2361', '2363', '2351'], 0.9, "centrales à béton et cimenteries utilisent de l'eau non potable", 'concrete and cement plants use non-potable water', 'eurostatIo'),
  demand(['process_water', 'rainwater'], ['01', '8130'], 0.8, "l'irrigation agricole et l'entretien des espaces verts consomment de l'eau", 'irrigation and landscaping use water', 'eurostatIo'),
  demand(['process_water'], ['3511', '17', '20', '2410', '1920'], 0.7, "centrales, papeteries, chimie, sidérurgie et raffineries prélèvent beaucoup d'eau", 'power plants, paper, chemicals, steel and refineries withdraw much water', 'eurostatIo'),
  demand(['process_water', 'rainwater'], ['4520', '8121', '8122', '9601'], 0.5, "stations de lavage, nettoyage et blanchisseries utilisent de l'eau de lavage", 'vehicle washes, cleaning firms and laundries use washing water', 'eurostatIo'),
  // Shared capacities: which sectors buy warehousing, freight, handling and machine work (FIGARO, CPA 49.4, 52.1, 77.3, 25.6).
  demand(['storage_space'], ['46', '10', '11', '22', '25', '5210'], 0.6, 'grossistes, agroalimentaire, plasturgie et mécanique achètent du stockage', 'wholesalers, food, plastics and metalworking firms buy storage', 'eurostatIo'),
  demand(['cold_storage'], ['10', '11', '4631', '4632', '4633', '4638', '4639', '5210'], 1.0, 'agroalimentaire et grossistes alimentaires louent du stockage frigorifique', 'food producers and wholesalers rent cold storage', 'eurostatIo'),
  demand(['freight_transport'], ['10', '16', '17', '20', '22', '23', '25', '46'], 0.6, 'industries et grossistes achètent du transport routier de marchandises', 'manufacturers and wholesalers buy road freight', 'eurostatIo'),
  demand(['handling_equipment'], ['46', '5210', '16', '22', '23', '25', '41', '43'], 0.5, 'entrepôts, grossistes, industries et BTP utilisent des engins de manutention', 'warehouses, wholesalers, factories and builders use handling equipment', 'eurostatIo'),
  demand(['machine_time'], ['25', '28', '22', '29', '3312', '33'], 0.6, 'mécanique, plasturgie et maintenance sous-traitent du temps machine', 'metalworking, plastics and maintenance firms buy machine time', 'eurostatIo'),
  demand(['laboratory'], ['20', '21', '10', '11', '22', '7120'], 0.6, 'chimie, pharmacie, agroalimentaire et plasturgie font analyser leurs produits', 'chemicals, pharmaceuticals, food and plastics firms have products tested', 'eurostatIo'),
  demand(['wastewater'], ['3700'], 1.2, 'les stations d’épuration traitent les effluents', 'sewage works treat effluents', 'eurostatWaste'),
  demand(['wastewater'], ['3821', '3521'], 0.5, 'les méthaniseurs valorisent les effluents chargés en matière organique', 'anaerobic digesters take effluents rich in organic matter', 'brefWasteTreatment'),
];
