//! A [`KeyValue`] in memory, for tests: it can be made to refuse writes
//! past a size, as a full localStorage does.

use std::collections::BTreeMap;

use super::KeyValue;

#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// Refuse a write that would make the stored text longer than this.
    pub capacity: Option<usize>,
}

impl MemoryStore {
    fn size_with(&self, key: &str, value: &str) -> usize {
        let others: usize = self
            .entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum();
        others + key.len() + value.len()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self
            .capacity
            .is_some_and(|cap| self.size_with(key, value) > cap)
        {
            return Err("QuotaExceededError: the quota has been exceeded.".to_string());
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }
}
