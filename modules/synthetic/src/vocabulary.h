// The words and numbers the synthetic GE is drawn from: places of the Auvergne, names, banks,
// jobs of the performing arts (IDCC 1285), benefits.
#pragma once

#include <cstdint>
#include <iterator>

namespace gepaie::synthetic::internal {

struct Place {
  const char* postcode;
  const char* city;
};
inline constexpr Place kPlaces[] = {
    {"63000", "Clermont-Ferrand"},
    {"63100", "Clermont-Ferrand"},
    {"63400", "Chamalières"},
    {"63170", "Aubière"},
    {"63200", "Riom"},
    {"63500", "Issoire"},
    {"63300", "Thiers"},
    {"63800", "Cournon-d'Auvergne"},
    {"63370", "Lempdes"},
    {"63130", "Royat"},
    {"63430", "Pont-du-Château"},
    {"03100", "Montluçon"},
    {"03200", "Vichy"},
    {"03000", "Moulins"},
    {"15000", "Aurillac"},
    {"43000", "Le Puy-en-Velay"},
};

inline constexpr const char* kStreets[] = {
    "rue de la République", "avenue de Royat",   "rue Fontgiève",       "boulevard Lafayette",
    "place de Jaude",       "rue du Port",       "rue Montlosier",      "avenue des Paulines",
    "rue Blatin",           "chemin des Vignes", "rue des Gras",        "rue Ballainvilliers",
    "boulevard Gergovia",   "rue du Pont-Rouge", "rue de l'Oradou",     "avenue de la Libération",
    "rue des Varennes",     "rue du Commerce",   "impasse des Acacias", "route de Clermont",
};

inline constexpr const char* kLastNames[] = {
    "Martin",   "Bernard", "Dubois",  "Thomas",   "Robert",    "Richard", "Petit",    "Durand",
    "Leroy",    "Moreau",  "Simon",   "Laurent",  "Lefèvre",   "Michel",  "Garcia",   "David",
    "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",     "Girard",  "André",    "Mercier",
    "Dupont",   "Lambert", "Bonnet",  "François", "Martinez",  "Faure",   "Rousseau", "Blanc",
    "Chabrol",  "Couderc", "Tixier",  "Mazeyrat", "Teyssèdre", "Besse",   "Vernet",   "Cohade",
};

inline constexpr const char* kFemaleNames[] = {
    "Marie",  "Camille",  "Léa",    "Manon",    "Chloé",  "Inès",    "Sarah",      "Julie",
    "Emma",   "Lucie",    "Océane", "Élodie",   "Sophie", "Agnès",   "Bernadette", "Céline",
    "Maëlle", "Laetitia", "Anne",   "Nathalie", "Claire", "Pauline", "Amandine",   "Margaux",
};

inline constexpr const char* kMaleNames[] = {
    "Thomas", "Lucas",  "Hugo",   "Nicolas",   "Julien",  "Antoine",  "Baptiste", "Mathieu",
    "Yanis",  "Kévin",  "Samir",  "Damien",    "Olivier", "Aurélien", "François", "Raphaël",
    "Pierre", "Romain", "Maxime", "Alexandre", "Louis",   "Théo",     "Quentin",  "Guillaume",
};

// Departments of birth (digits only: the NIR's Corsican 2A/2B are left out).
inline constexpr const char* kBirthDepartments[] = {"63", "63", "63", "03", "15", "43", "75",
                                                    "69", "42", "87", "19", "13", "33", "59"};

inline constexpr const char* kBanks[] = {"30004", "30003", "10096", "16806", "20041",
                                         "18715", "10278", "42559", "30002", "11315"};

enum class Category { Employee, Technician, Supervisor };

struct Job {
  const char* skill;
  const char* title_male;
  const char* title_female;
  Category category;
  const char* cadre_male;
  const char* cadre_female;
};

inline constexpr Job kJobs[] = {
    {"administration", "Chargé d'administration", "Chargée d'administration", Category::Supervisor,
     "Administrateur", "Administratrice"},
    {"comptabilité", "Comptable", "Comptable", Category::Supervisor, "Responsable comptable",
     "Responsable comptable"},
    {"paie", "Gestionnaire de paie", "Gestionnaire de paie", Category::Employee, "Responsable paie",
     "Responsable paie"},
    {"communication", "Chargé de communication", "Chargée de communication", Category::Supervisor,
     "Responsable de la communication", "Responsable de la communication"},
    {"son", "Technicien son", "Technicienne son", Category::Technician, "Ingénieur du son",
     "Ingénieure du son"},
    {"lumière", "Technicien lumière", "Technicienne lumière", Category::Technician,
     "Concepteur lumière", "Conceptrice lumière"},
    {"régie", "Régisseur", "Régisseuse", Category::Supervisor, "Directeur technique",
     "Directrice technique"},
    {"montage vidéo", "Monteur vidéo", "Monteuse vidéo", Category::Technician, "Chef monteur",
     "Cheffe monteuse"},
    {"production", "Chargé de production", "Chargée de production", Category::Supervisor,
     "Directeur de production", "Directrice de production"},
    {"booking", "Assistant de booking", "Assistante de booking", Category::Employee,
     "Responsable du booking", "Responsable du booking"},
    {"graphisme", "Graphiste", "Graphiste", Category::Technician, "Directeur artistique",
     "Directrice artistique"},
    {"billetterie", "Chargé de billetterie", "Chargée de billetterie", Category::Employee,
     "Responsable de billetterie", "Responsable de billetterie"},
};
inline constexpr int kJobCount = static_cast<int>(std::size(kJobs));

inline constexpr int64_t kTransitPasses[] = {4100, 5450, 8640};  // cents a month
inline constexpr int64_t kTaxRates[] = {0,      0,      0,      11'000, 25'000,
                                        40'000, 58'000, 75'000, 91'000};  // ppm

}  // namespace gepaie::synthetic::internal
