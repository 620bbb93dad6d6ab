package org.trustml.core.catalog;

/**
 * The dataset and model catalog as a service sees it. The gateway owns the catalog; services resolve references
 * and register what their jobs produce through its internal API.
 */
public interface CatalogClient {

  /** The dataset, if the owner may read it; a 404 problem otherwise. */
  DatasetDescriptor dataset(String owner, String id);

  ModelDescriptor model(String owner, String id);

  DatasetDescriptor registerDataset(DatasetRegistration registration);

  ModelDescriptor registerModel(ModelRegistration registration);
}
